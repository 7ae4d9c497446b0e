/// Every lint rule the tool has.
public enum RuleCatalog {
    public static let rules: [any Rule.Type] = [
        UnreadableFileRule.self,
        BadFrontMatterRule.self,
        MissingTitleRule.self,
        MissingMetadataRule.self,
        UnknownStatusRule.self,
        MissingSectionRule.self,
        SectionOrderRule.self,
        EmptySectionRule.self,
        TooFewCommandsRule.self,
        BadStepAttributesRule.self,
        DuplicateStepNameRule.self,
        StepCycleRule.self,
        DangerousCommandRule.self,
        BrokenLinkRule.self,
        PlaceholderRule.self,
        BadPatternRule.self,
    ]

    public static let corpusRules: [any CorpusRule.Type] = [
        DuplicateIDRule.self,
    ]

    public static var descriptions: [RuleDescription] {
        rules.map { $0.description } + corpusRules.map { $0.description }
    }

    public static var ids: [String] { descriptions.map(\.id) }
}

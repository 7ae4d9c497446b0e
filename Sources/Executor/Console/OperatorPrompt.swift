import Foundation

/// Asks the operator and reads the answer, one line of standard input per
/// answer, so a scripted session is just the answers, one per line. The end of
/// input is an answer too: nil, which the runner treats as abort.
public struct OperatorPrompt: Sendable {
    /// Where questions are written.
    private let write: @Sendable (String) -> Void
    private let readAnswer: @Sendable () -> String?

    public init(write: @escaping @Sendable (String) -> Void, readLine: @escaping @Sendable () -> String? = { Swift.readLine() }) {
        self.write = write
        self.readAnswer = readLine
    }

    /// One of several choices, by its first letter or its whole word; asks again on anything else.
    /// - Returns: the chosen word, or nil at the end of input.
    public func choose(_ question: String, from words: [String]) -> String? {
        let menu = words.map { "[\($0.prefix(1))]\($0.dropFirst())" }.joined(separator: " ")
        while true {
            write("\(question) \(menu) ")
            guard let answer = readAnswer()?.trimmingCharacters(in: .whitespaces).lowercased() else {
                write("\n")
                return nil
            }
            if let word = words.first(where: { $0 == answer || (answer.count == 1 && $0.hasPrefix(answer)) }) { return word }
            write("please answer \(words.joined(separator: ", ")) (or its first letter)\n")
        }
    }

    /// Free text, such as a note or a variable's value; nil at the end of input.
    public func text(_ question: String) -> String? {
        write("\(question) ")
        guard let answer = readAnswer() else {
            write("\n")
            return nil
        }
        return answer.trimmingCharacters(in: .whitespaces)
    }
}

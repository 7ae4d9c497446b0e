import Testing
@testable import SiteBuilder

@Suite struct SiteTests {}

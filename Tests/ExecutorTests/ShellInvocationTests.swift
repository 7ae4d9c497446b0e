import Testing
@testable import Executor

@Suite struct ShellInvocationTests {
    @Test func bashGetsStrictFlags() {
        let command = ShellInvocation(shell: "bash").command(running: "false | true")
        #expect(command.executable == "bash")
        #expect(command.arguments == ["-e", "-o", "pipefail", "-c", "false | true"])
    }

    @Test func posixShellGetsErrexit() {
        #expect(ShellInvocation(shell: "sh").command(running: "x").arguments == ["-e", "-c", "x"])
    }

    @Test func customCommandLineIsKeptAsWritten() {
        let command = ShellInvocation(shell: "/usr/local/bin/bash --norc -e").command(running: "x")
        #expect(command.executable == "/usr/local/bin/bash")
        #expect(command.arguments == ["--norc", "-e", "-c", "x"])
    }

    @Test func emptySettingFallsBackToBash() {
        #expect(ShellInvocation(shell: "  ").arguments == ["bash", "-e", "-o", "pipefail"])
    }
}

import ArgumentParser
import Foundation
import Winnow
import WinnowIO

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check site rule files, or run their own tests.",
        subcommands: [Check.self, Test.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate rule files: keys, selectors, patterns, dates, test pages. Exit 2 on any error.")

        @Argument(help: "Rules folders (default: config).")
        var folders: [String] = []

        func run() throws {
            let targets = folders.isEmpty ? [RuleOptions.defaultFolder] : folders
            let set = try RuleOptions.loadOrExit(targets, checkingTestPages: true)
            for rule in set.rules {
                print("ok  \(rule.file)  hosts: \(rule.hosts.map(\.source).joined(separator: ", "))  selectors: \(rule.selectorCount)  tests: \(rule.tests.count)")
            }
            print("\(set.rules.count) rule file\(set.rules.count == 1 ? "" : "s") valid")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run every rule's tests: its pages through the pipeline, checking contains, not_contains and metadata.")

        @Argument(help: "Rules folders (default: config).")
        var folders: [String] = []

        func run() throws {
            let targets = folders.isEmpty ? [RuleOptions.defaultFolder] : folders
            let set = try RuleOptions.loadOrExit(targets, checkingTestPages: true)
            var options = PipelineOptions()
            options.rules = set
            let pipeline = DefaultPipeline(options: options)
            var failedSites = 0
            var checks = 0
            for rule in set.rules {
                var failures: [String] = []
                if rule.tests.isEmpty { failures.append("no tests") }
                for test in rule.tests {
                    let entry = InputCollector().collect([test.page]).entries[0]
                    let result = pipeline.process(PageReader().read(entry))
                    let outcome = RuleTestCheck.check(test, record: result.record, ruleFile: rule.file)
                    checks += outcome.checks
                    failures += outcome.failures.map { "\(rule.file):\(test.line): \($0)" }
                }
                print("\(failures.isEmpty ? "PASS" : "FAIL")  \(rule.file)  (\(rule.tests.count) page\(rule.tests.count == 1 ? "" : "s"))")
                for failure in failures { print("      " + failure) }
                if !failures.isEmpty { failedSites += 1 }
            }
            print("\(set.rules.count - failedSites) of \(set.rules.count) sites pass (\(checks) checks)")
            if failedSites > 0 { throw ExitCode(1) }
        }
    }
}

/// One rule test against one record.
enum RuleTestCheck {
    static func check(_ test: SiteRule.Test, record: JSONValue, ruleFile: String) -> (checks: Int, failures: [String]) {
        var failures: [String] = []
        var checks = 0
        func string(_ key: String) -> String {
            if case .string(let value)? = record[key] { return value }
            if case .array(let values)? = record[key] {
                return values.compactMap { if case .string(let text) = $0 { return text } else { return nil } }.joined(separator: "; ")
            }
            return ""
        }
        if record["status"] != .string("ok") {
            return (1, ["\(test.page) was rejected: \(string("stage")): \(string("reason"))"])
        }
        if case .array(let rules)? = record["rules"], rules.contains(.string(ruleFile)) {} else {
            failures.append("\(test.page): the rule did not apply (check hosts: and the page's canonical URL)")
        }
        let text = string("text")
        for snippet in test.contains {
            checks += 1
            if !text.contains(snippet) { failures.append("text lacks \"\(snippet)\"") }
        }
        let visible = [text, string("title"), string("description")].joined(separator: "\n")
        for snippet in test.notContains {
            checks += 1
            if visible.contains(snippet) { failures.append("record still holds \"\(snippet)\"") }
        }
        for (field, expected) in test.expected {
            checks += 1
            let actual = string(field)
            if actual != expected { failures.append("\(field) is \"\(actual)\", expected \"\(expected)\"") }
        }
        return (checks, failures)
    }
}

/// A page that produced no record, with the stage that gave up and why. Every input page
/// yields a record or a reject, never nothing.
public struct Reject: Error, Sendable, Equatable {
    public var stage: PipelineStage
    public var reason: String

    public init(stage: PipelineStage, reason: String) {
        self.stage = stage
        self.reason = reason
    }
}

/// The stages in pipeline order; the raw values appear in rejects and `winnow explain`.
public enum PipelineStage: String, Sendable, CaseIterable {
    case read, decode, parse, strip, extract, normalize, render
}

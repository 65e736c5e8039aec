internal import CLibXML2

/// libxml2 HTML parser options. The default is the only safe set for crawled pages:
/// recover from errors, stay silent, never touch the network, and keep deep trees
/// (without `huge`, libxml2 silently drops everything nested deeper than 256 elements).
public struct ParseOptions: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let recover = ParseOptions(rawValue: Int32(HTML_PARSE_RECOVER.rawValue))
    public static let noError = ParseOptions(rawValue: Int32(HTML_PARSE_NOERROR.rawValue))
    public static let noWarning = ParseOptions(rawValue: Int32(HTML_PARSE_NOWARNING.rawValue))
    public static let noNetwork = ParseOptions(rawValue: Int32(HTML_PARSE_NONET.rawValue))
    public static let huge = ParseOptions(rawValue: Int32(XML_PARSE_HUGE.rawValue))
    /// Drops whitespace-only text nodes; Winnow keeps them, because they separate inline words.
    public static let noBlanks = ParseOptions(rawValue: Int32(HTML_PARSE_NOBLANKS.rawValue))

    public static let `default`: ParseOptions = [.recover, .noError, .noWarning, .noNetwork, .huge]

    var libxml2Flags: Int32 { rawValue }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WinnowIO

/// Stage 1: from the bytes as they arrived to UTF-8 text for the parser.
/// Unwraps gzip, rejects empty and binary input, sniffs the charset (`SniffCharset`),
/// transcodes (`Transcode`) and drops NUL bytes, which would cut libxml2's input short.
public struct DecodePage: Sendable {
    /// Whether the decoded page carries the SHA-256 of its source bytes (the record's
    /// `source.sha256`); a pass that only reads the text (`SiteLines`) skips the digest.
    public var digestsSource = true

    public init(digestsSource: Bool = true) {
        self.digestsSource = digestsSource
    }

    public func run(_ page: InputPage, maximumBytes: Int, maximumExpansion: Int = 1_000, trace: inout Trace) throws(Reject) -> DecodedPage {
        if let readError = page.readError { throw Reject(stage: .read, reason: readError) }
        var bytes = page.bytes
        // A decompression bomb is stopped at this many bytes, long before the page limit.
        let bombLimit = max(1 << 20, page.bytes.count.multipliedReportingOverflow(by: maximumExpansion).partialValue)
        let bombReason = "expands more than \(maximumExpansion) times its \(page.bytes.count) compressed bytes (a decompression bomb)"
        var container = page.container ?? (page.format == .text ? "text" : "html")
        let gzipMagic = Gzip.looksCompressed(bytes)
        if page.compression == .gzip, page.container != nil, !gzipMagic, Self.looksLikeText(bytes) {
            // Archives sometimes store the payload already decompressed but keep the header.
            trace.note("decode", "Content-Encoding gzip, but the payload is not gzip: read as it is")
        } else if page.compression == .gzip || (page.compression == .none && gzipMagic) {
            switch Gzip.decompress(bytes, limit: min(maximumBytes, bombLimit)) {
            case .success(let plain):
                bytes = plain
                if page.container == nil { container = page.format == .text ? "text.gz" : "html.gz" }
            case .failure(.tooLarge) where bombLimit < maximumBytes:
                throw Reject(stage: .decode, reason: bombReason)
            case .failure(let failure):
                throw Reject(stage: .decode, reason: failure.description)
            }
        } else if page.compression == .deflate || page.compression == .brotli {
            let name = page.compression == .deflate ? "deflate" : "br"
            let decompress = page.compression == .deflate ? Deflate.decompress : Brotli.decompress
            let limit = min(maximumBytes, bombLimit)
            if let plain = decompress(bytes, limit) {
                bytes = plain
            } else if limit < maximumBytes, decompress(bytes, maximumBytes) != nil {
                // It failed only for its expansion: a bomb, not a damaged payload.
                throw Reject(stage: .decode, reason: bombReason)
            } else if Self.looksLikeText(bytes) {
                trace.note("decode", "Content-Encoding \(name), but the payload does not decode: read as it is")
            } else {
                throw Reject(stage: .decode, reason: "Content-Encoding \(name): the payload does not decompress")
            }
        }
        if bytes.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
            throw Reject(stage: .decode, reason: bytes.isEmpty ? "empty page (0 bytes)" : "empty page (only whitespace)")
        }
        if bytes.count > maximumBytes {
            throw Reject(stage: .decode, reason: "page of \(bytes.count) bytes is over the \(maximumBytes)-byte limit")
        }
        let sniffed = SniffCharset().sniff(bytes, transportLabel: page.transportCharset)
        if !sniffed.encoding.hasPrefix("UTF-16"), let binary = BinarySignature.identify(bytes) {
            throw Reject(stage: .decode, reason: "not a text page: \(binary)")
        }
        if let label = sniffed.declaredLabel, sniffed.source == "sniffed" {
            trace.note("decode", "declared charset \(label), but the bytes are UTF-8: read as UTF-8")
        }
        var output = Transcode.toUTF8(bytes[sniffed.bomLength...], encoding: sniffed.encoding,
                                      knownValidUTF8: sniffed.bomLength == 0 ? sniffed.isValidUTF8 : nil)
        if let note = output.fallbackNote { trace.note("decode", note) }
        trace.countRepair("invalidBytes", by: output.replacedSequences)
        // memchr finds the (rare) NUL far faster than a byte loop; only then count and drop.
        let hasNul = output.utf8.withUnsafeBytes { buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }
        if hasNul {
            let nulCount = output.utf8.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
            output.utf8.removeAll { $0 == 0 }
            trace.countRepair("nul", by: nulCount)
        }
        return DecodedPage(
            id: page.id, utf8: output.utf8, charset: sniffed.encoding.lowercased(), charsetFrom: sniffed.source,
            container: container, sourceBytes: page.bytes.count, sha256: digestsSource ? SHA256.hexDigest(page.bytes) : "",
            fetchedAt: page.fetchedAt, containerURL: page.url, format: page.format)
    }

    /// Whether the first non-space byte opens markup (a payload that is plainly not compressed).
    static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        bytes.first { $0 > 0x20 } == UInt8(ascii: "<")
    }
}

/// A page as UTF-8 text, with what is known about its source.
public struct DecodedPage: Sendable {
    public var id: String
    public var utf8: [UInt8]
    public var charset: String
    public var charsetFrom: String
    public var container: String
    public var sourceBytes: Int
    public var sha256: String
    /// When the page was fetched, as the container said (`WARC-Date`).
    public var fetchedAt: String?
    /// The URL the container gave (WARC target URI, JSON Lines field), whatever the page says of itself.
    public var containerURL: String?
    /// HTML, or flat text (the text route).
    public var format: InputPage.Format = .html
}

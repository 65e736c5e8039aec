/// Turns WARC records into pages: `response` records holding a 200 HTML response and
/// `resource` records holding HTML become pages, and so do WET `conversion` records of
/// plain text (as text pages); every other record is skipped with a
/// reason that the run counts; damaged records become pages with a `readError`, so they
/// are rejected, never lost.
public struct WARCPages {
    /// What one record became.
    public enum Outcome {
        case page(InputPage)
        case skipped(reason: String)
    }

    /// The id of the WARC file (as the input listing names it), for records without an id.
    public var fileID: String
    public var path: String?

    public init(fileID: String, path: String?) {
        self.fileID = fileID
        self.path = path
    }

    public func outcome(of result: WARCReadResult) -> Outcome {
        switch result {
        case .damaged(let offset, let recordID, let reason):
            return .page(InputPage(id: recordID ?? "\(fileID)@\(offset)", path: path, bytes: [],
                                   readError: "WARC record at byte \(offset) of \(fileID): \(reason)"))
        case .oversized(let record, let length):
            guard record.type == "response" || record.type == "resource" else { return .skipped(reason: record.type) }
            return .page(page(for: record, bytes: [],
                              readError: "WARC record of \(length) bytes is over the page limit"))
        case .record(let record):
            return outcome(of: record)
        }
    }

    private func outcome(of record: WARCRecord) -> Outcome {
        switch record.type {
        case "response":
            let type = MediaType(record["Content-Type"] ?? "")
            guard type.essence == "application/http" || type.essence.isEmpty else {
                return .skipped(reason: "non-HTTP response")
            }
            guard let response = HTTPResponse.parse(record.block) else {
                return .page(page(for: record, bytes: [], readError: "WARC response without a readable HTTP head"))
            }
            guard response.status == 200 else { return .skipped(reason: "HTTP status \(response.status)") }
            let payloadType = MediaType(response["Content-Type"] ?? "")
            let payload = response.isChunked ? (ChunkedCoding.decode(response.payload) ?? Array(response.payload)) : Array(response.payload)
            let encoding = (response["Content-Encoding"] ?? "").lowercased().trimmingSpaces
            var compression = InputPage.Compression.none
            switch encoding {
            case "", "identity": break
            case "gzip", "x-gzip": compression = .gzip
            case "deflate": compression = .deflate
            case "br": compression = .brotli
            default:
                return .page(page(for: record, bytes: [], readError: "unsupported Content-Encoding \(encoding)"))
            }
            guard Self.isHTML(payloadType, payload: payload, compressed: compression != .none) else {
                return .skipped(reason: "non-HTML")
            }
            var page = page(for: record, bytes: payload)
            page.compression = compression
            page.transportCharset = payloadType.charset
            return .page(page)
        case "resource":
            let type = MediaType(record["Content-Type"] ?? "")
            guard Self.isHTML(type, payload: record.block, compressed: false) else { return .skipped(reason: "non-HTML") }
            var page = page(for: record, bytes: record.block)
            page.transportCharset = type.charset
            return .page(page)
        case "conversion":
            // WET: the text a crawler extracted from a page, one record per page.
            let type = MediaType(record["Content-Type"] ?? "")
            guard type.essence == "text/plain" || type.isUnspecific else { return .skipped(reason: "non-text conversion") }
            var page = page(for: record, bytes: record.block).as(.text)
            page.transportCharset = type.charset ?? "utf-8"
            return .page(page)
        case "":
            return .skipped(reason: "untyped")
        default:
            return .skipped(reason: record.type)
        }
    }

    private func page(for record: WARCRecord, bytes: [UInt8], readError: String? = nil) -> InputPage {
        var page = InputPage(id: record.recordID ?? "\(fileID)@\(record.offset)", path: path, bytes: bytes,
                             readError: readError, url: record.targetURI)
        page.fetchedAt = record["WARC-Date"]
        page.container = "warc"
        return page
    }

    /// HTML by its declared type; for types that say nothing, by the payload's first bytes.
    static func isHTML(_ type: MediaType, payload: [UInt8], compressed: Bool) -> Bool {
        if type.isHTML { return true }
        guard type.isUnspecific else { return false }
        if compressed { return true }  // sniffed after decompression, by the decode stage
        return looksLikeMarkup(payload)
    }

    /// Whether the first non-space byte opens a tag and an HTML-ish tag follows soon.
    static func looksLikeMarkup(_ payload: [UInt8]) -> Bool {
        let head = payload.prefix(1024)
        guard let first = head.firstIndex(where: { $0 > 0x20 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }),
              head[first] == UInt8(ascii: "<") else { return false }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        return ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p"].contains { text.contains($0) }
    }
}

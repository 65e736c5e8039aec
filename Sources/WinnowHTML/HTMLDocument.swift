internal import CLibXML2
internal import CLibXML2Arena

/// A parsed HTML document. It owns libxml2's tree and frees it when the last reference goes,
/// so every `Node` keeps its document alive (a node can never outlive its tree).
///
/// Parsing always receives UTF-8: charset sniffing and transcoding happen before, in Winnow's
/// Decode stage, because libxml2 reads an `iso-8859-1` label (or no label) literally where
/// browsers read windows-1252.
public final class HTMLDocument: @unchecked Sendable {
    // Stored untyped so the libxml2 type does not appear in this module's layout for clients.
    let rawDocument: UnsafeMutableRawPointer
    /// The document's arena (`LibXML2.useArena`): it holds the whole tree.
    private let arena: UnsafeMutableRawPointer?

    var pointer: htmlDocPtr { rawDocument.assumingMemoryBound(to: xmlDoc.self) }

    /// Parses UTF-8 bytes. Throws only when libxml2 returns no document at all (for example on
    /// an allocation failure); malformed markup is recovered, as browsers do.
    public convenience init(utf8 bytes: UnsafeRawBufferPointer, url: String? = nil, options: ParseOptions = .default) throws {
        let (document, arena) = try HTMLDocument.parse(bytes, url: url, options: options)
        self.init(taking: document, arena: arena)
    }

    private init(taking document: UnsafeMutableRawPointer, arena: UnsafeMutableRawPointer?) {
        rawDocument = document
        self.arena = arena
    }

    // All parsing happens while the caller's buffer is valid; only the tree escapes.
    private static func parse(_ bytes: UnsafeRawBufferPointer, url: String?, options: ParseOptions) throws
        -> (document: UnsafeMutableRawPointer, arena: UnsafeMutableRawPointer?)
    {
        guard bytes.count <= Int(Int32.max) else { throw HTMLParseError.inputTooLarge(bytes: bytes.count) }
        LibXML2.initializeOnce()
        winnow_silence_libxml2_errors()
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        let empty: [CChar] = [0]
        let arena = winnow_arena_installed() != 0 ? winnow_arena_begin() : nil
        let document: htmlDocPtr? = empty.withUnsafeBufferPointer { emptyBuffer in
            htmlReadMemory(base ?? emptyBuffer.baseAddress, Int32(bytes.count), url, "UTF-8", options.libxml2Flags)
        }
        if let arena { winnow_arena_end(arena) }
        guard let document else {
            winnow_arena_release(arena)
            throw HTMLParseError.noDocument
        }
        return (UnsafeMutableRawPointer(document), arena)
    }

    /// Parses a Swift string (convenient in tests and small tools).
    public convenience init(html: String, url: String? = nil, options: ParseOptions = .default) throws {
        try self.init(utf8: Array(html.utf8), url: url, options: options)
    }

    /// Parses UTF-8 bytes held in an array.
    public convenience init(utf8 bytes: [UInt8], url: String? = nil, options: ParseOptions = .default) throws {
        let parsed = try bytes.withUnsafeBytes { try HTMLDocument.parse($0, url: url, options: options) }
        self.init(taking: parsed.document, arena: parsed.arena)
    }

    deinit {
        // In an arena every block of the tree is the arena's (the parse and `changingTree`
        // allocate there), so giving the arena back frees the tree: walking it to free node by
        // node would only touch every node once more (3–4% of a run's time).
        if arena == nil { xmlFreeDoc(pointer) }
        winnow_arena_release(arena)
    }

    /// Runs a change to the tree (`body` calls libxml2 functions that allocate into it) with the
    /// document's arena current, so that the new blocks go back with the arena. Every call that
    /// adds memory to the tree must go through here: an arena document is never walked to be freed.
    func changingTree<R>(_ body: () -> R) -> R {
        guard let arena else { return body() }
        winnow_arena_resume(arena)
        defer { winnow_arena_end(arena) }
        return body()
    }

    /// The document node itself (the parent of `<html>`).
    public var documentNode: Node {
        Node(document: self, pointer: UnsafeMutableRawPointer(pointer))
    }

    /// The root element (`<html>`), if the parser produced one.
    public var rootElement: Node? {
        guard let root = xmlDocGetRootElement(pointer) else { return nil }
        return Node(document: self, pointer: UnsafeMutableRawPointer(root))
    }

    /// The first `<head>` element.
    public var head: Node? { rootElement?.firstChildElement(named: "head") }

    /// The first `<body>` element.
    public var body: Node? { rootElement?.firstChildElement(named: "body") }
}

/// Why libxml2 could not produce a document.
public enum HTMLParseError: Error, Equatable, CustomStringConvertible {
    case inputTooLarge(bytes: Int)
    case noDocument

    public var description: String {
        switch self {
        case .inputTooLarge(let bytes): return "input of \(bytes) bytes is beyond libxml2's 2 GiB limit"
        case .noDocument: return "libxml2 produced no document"
        }
    }
}

/// Process-wide libxml2 setup.
public enum LibXML2 {
    nonisolated(unsafe) private static var arenaRequested = false

    private static let initialized: Bool = {
        // xmlMemSetup must come before any other libxml2 call; xmlInitParser must run once
        // before documents are parsed on several threads.
        if arenaRequested { _ = winnow_arena_install() }
        xmlInitParser()
        return true
    }()

    static func initializeOnce() { _ = initialized }

    /// Parses each document into an arena of its own (`CLibXML2Arena`): libxml2's allocations
    /// become pointer bumps and the document's memory is given back at once. Process-wide;
    /// must be called before libxml2 is first used (before site rules are compiled). Returns
    /// whether the arena is in use.
    @discardableResult
    public static func useArena() -> Bool {
        arenaRequested = true
        initializeOnce()
        return winnow_arena_installed() != 0
    }

    /// The version libxml2 reports at run time, for example "20914".
    public static var version: String { String(cString: winnow_libxml2_version()) }
}

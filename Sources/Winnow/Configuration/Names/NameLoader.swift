import Foundation
import Yams

/// Reads `config/names/` (and each `--names DIR`): gazetteer files (`entries:`), `titles.yaml`,
/// `conventions.yaml` and `transliteration.yaml`, told apart by their top-level keys. Checks
/// everything as `RuleLoader` does, and reports every problem as `FILE:LINE:COLUMN: error: …`.
public enum NameLoader {
    static let entryKeys = ["name", "kind", "id", "culture", "short_forms", "aliases", "variants", "demonyms", "country"]
    static let conventionKeys = ["cultures", "particles", "connectors", "organization_words", "place_words", "stopwords", "inflections", "given_names"]
    static let transliterationKeys = ["transforms", "press"]
    static let pressKeys = ["words", "remove", "endings", "before_consonant", "arabic_words"]

    /// Loads the `names/` subfolder of each folder (or the folder itself when it has no such
    /// subfolder). Missing folders are an error only when `required`.
    /// `optional` folders (the default `config`) are read first and skipped when missing.
    /// `parallel` parses the files on several threads (YAML parsing is most of the load time;
    /// the catalog is still built in file order, so the result is the same).
    public static func load(folders: [String], required: Bool, optional: [String] = [], parallel: Bool = false) throws(RuleLoadFailure) -> NameCatalog {
        var paths: [String] = []
        var errors: [RuleError] = []
        for (folder, required) in optional.map({ ($0, false) }) + folders.map({ ($0, required) }) {
            let names = (folder as NSString).appendingPathComponent("names")
            var isDirectory: ObjCBool = false
            let directory: String
            if FileManager.default.fileExists(atPath: names, isDirectory: &isDirectory), isDirectory.boolValue {
                directory = names
            } else if folder.hasSuffix("names") || required,
                      FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
                directory = folder
            } else {
                if required { errors.append(RuleError(file: folder, line: 1, column: 1, message: "no such names folder")) }
                continue
            }
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            paths += files.map { (directory as NSString).appendingPathComponent($0) }
        }
        let parsed: [ParsedFile]
        if parallel, paths.count > 1 {
            let slots = ParsedSlots(count: paths.count)
            let files = paths
            DispatchQueue.concurrentPerform(iterations: files.count) { slots.store(parse(files[$0]), at: $0) }
            parsed = slots.files
        } else {
            parsed = paths.map(parse)
        }
        var catalog = NameCatalog()
        for file in parsed { errors += apply(file, into: &catalog) }
        guard errors.isEmpty else { throw RuleLoadFailure(errors: errors) }
        catalog.buildIndex()
        return catalog
    }

    static func loadFile(_ path: String, into catalog: inout NameCatalog) -> [RuleError] {
        apply(parse(path), into: &catalog)
    }

    /// A names file read and composed, before its contents go into a catalog.
    struct ParsedFile: @unchecked Sendable {
        var path: String
        var root: Result<Yams.Node?, RuleError>
    }

    static func parse(_ path: String) -> ParsedFile {
        let context = RuleLoader.Context(file: path)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return ParsedFile(path: path, root: .failure(RuleError(file: path, line: 1, column: 1, message: "cannot read the file as UTF-8")))
        }
        // The basic resolver leaves every scalar a string: these files hold only strings and
        // one flag (read by `flag(_:)`), and the default resolver's regular expressions
        // (bool, int, float, null, timestamp…) ran on every plain scalar: most of the load time.
        // The encoding is given: Yams' default reads the process environment at every call.
        do { return ParsedFile(path: path, root: .success(try Yams.compose(yaml: text, .basic, .default, .utf8))) } catch let error as YamlError {
            return ParsedFile(path: path, root: .failure(context.yamlError(error)))
        } catch {
            return ParsedFile(path: path, root: .failure(RuleError(file: path, line: 1, column: 1, message: "\(error)")))
        }
    }

    private final class ParsedSlots: @unchecked Sendable {
        private let mutex = PthreadMutex()
        private var slots: [ParsedFile?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func store(_ file: ParsedFile, at index: Int) { mutex.withLock { slots[index] = file } }
        var files: [ParsedFile] { slots.compactMap { $0 } }
    }

    static func apply(_ file: ParsedFile, into catalog: inout NameCatalog) -> [RuleError] {
        let path = file.path
        var context = RuleLoader.Context(file: path)
        let root: Yams.Node?
        switch file.root {
        case .success(let node): root = node
        case .failure(let error): return [error]
        }
        guard let root, case .mapping(let mapping) = root else {
            return [RuleError(file: path, line: 1, column: 1, message: "a names file is a mapping (entries, titles, cultures, transforms, …)")]
        }
        let keys = mapping.keys.compactMap(\.string)
        if keys.contains("entries") {
            loadEntries(mapping, into: &catalog, context: &context)
        } else if keys.contains("titles") {
            for (key, value) in mapping {
                guard context.key(key, allowed: ["titles"]) != nil, case .mapping(let languages) = value else {
                    if key.string == "titles" { context.error(value, "titles is a mapping of language codes to lists of titles") }
                    continue
                }
                for (_, list) in languages { for (title, _) in context.strings(list, what: "titles") { catalog.addTitle(title) } }
            }
        } else if keys.contains(where: { conventionKeys.contains($0) }) {
            loadConventions(mapping, into: &catalog, context: &context)
        } else {
            loadTransliteration(mapping, into: &catalog, context: &context)
        }
        return context.errors
    }

    /// A YAML 1.1 boolean, as Yams' default resolver reads one: a plain (unquoted) scalar
    /// spelled yes/no, true/false or on/off, in lower, capitalized or upper case.
    static func flag(_ node: Yams.Node) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
        let word = scalar.string
        guard word == word.lowercased() || word == word.uppercased() || word == word.prefix(1).uppercased() + word.dropFirst().lowercased()
        else { return nil }
        switch word.lowercased() {
        case "yes", "true", "on": return true
        case "no", "false", "off": return false
        default: return nil
        }
    }

    private static func loadEntries(_ mapping: Yams.Node.Mapping, into catalog: inout NameCatalog, context: inout RuleLoader.Context) {
        for (key, value) in mapping {
            guard let name = context.key(key, allowed: ["entries", "source"]) else { continue }
            guard name == "entries" else { continue }
            guard case .sequence(let items) = value else { context.error(value, "entries is a list"); continue }
            for item in items {
                guard case .mapping(let fields) = item else { context.error(item, "an entry is a mapping (name, kind, …)"); continue }
                var entry = NameEntry(name: "", kind: .person, file: context.file, line: item.mark?.line ?? 1)
                var hasKind = false
                for (fieldKey, fieldValue) in fields {
                    guard let field = context.key(fieldKey, allowed: entryKeys) else { continue }
                    switch field {
                    case "name": entry.name = context.string(fieldValue, what: "name") ?? ""
                    case "kind":
                        guard let kind = context.string(fieldValue, what: "kind") else { continue }
                        if let parsed = NameEntry.Kind(rawValue: kind) { entry.kind = parsed; hasKind = true } else {
                            context.error(fieldValue, "kind must be person, place or organization, not \"\(kind)\"")
                        }
                    case "id":
                        guard let id = context.string(fieldValue, what: "id") else { continue }
                        if id.isEmpty || id.contains(" ") { context.error(fieldValue, "an id is one word, such as a Wikidata QID (Q7747)") }
                        entry.id = id
                    case "culture": entry.culture = context.string(fieldValue, what: "culture")
                    case "country": entry.country = context.string(fieldValue, what: "country")
                    case "short_forms": entry.shortForms = context.strings(fieldValue, what: "short_forms").map(\.text)
                    case "aliases": entry.aliases = context.strings(fieldValue, what: "aliases").map(\.text)
                    case "variants": entry.variants = context.strings(fieldValue, what: "variants").map(\.text)
                    default: entry.demonyms = context.strings(fieldValue, what: "demonyms").map(\.text)
                    }
                }
                // Blank means nothing but spaces and tabs (Foundation's `.whitespaces`: Zs and tab).
                if entry.name.unicodeScalars.allSatisfy({ $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }) {
                    context.error(item, "an entry needs a name")
                    continue
                }
                if !hasKind { context.error(item, "an entry needs a kind (person, place or organization)"); continue }
                if let culture = entry.culture, catalog.singleWordShortForms[culture] == nil {
                    context.error(item, "unknown culture \"\(culture)\" (see conventions.yaml)")
                }
                catalog.add(entry)
            }
        }
    }

    private static func loadConventions(_ mapping: Yams.Node.Mapping, into catalog: inout NameCatalog, context: inout RuleLoader.Context) {
        func words(_ node: Yams.Node, _ what: String) -> [String] { context.strings(node, what: what).map(\.text) }
        for (key, value) in mapping {
            guard let name = context.key(key, allowed: conventionKeys) else { continue }
            switch name {
            case "cultures":
                guard case .mapping(let cultures) = value else { context.error(value, "cultures is a mapping"); continue }
                for (cultureKey, settings) in cultures {
                    guard let culture = cultureKey.string, case .mapping(let fields) = settings else {
                        context.error(settings, "a culture is a mapping (single_word_short_forms, syllables)"); continue
                    }
                    for (fieldKey, fieldValue) in fields {
                        guard let field = context.key(fieldKey, allowed: ["single_word_short_forms", "syllables"]) else { continue }
                        if field == "syllables" {
                            let syllables = words(fieldValue, "syllables").map(NameKey.fold)
                            if culture == "burmese" { catalog.burmeseSyllables.formUnion(syllables) }
                        } else if let flag = Self.flag(fieldValue) {
                            catalog.singleWordShortForms[culture] = flag
                        } else {
                            context.error(fieldValue, "single_word_short_forms is true or false")
                        }
                    }
                }
            case "particles": catalog.particles.formUnion(words(value, name).map { $0.lowercased() })
            case "connectors": catalog.connectors.formUnion(words(value, name).map { $0.lowercased() })
            case "organization_words": catalog.organizationWords.formUnion(words(value, name).map(NameKey.fold))
            case "place_words": catalog.placeWords.formUnion(words(value, name).map(NameKey.fold))
            case "given_names": catalog.givenNames.formUnion(words(value, name).map(NameKey.fold))
            case "inflections":
                guard case .mapping(let languages) = value else { context.error(value, "inflections maps languages to [ending, nominative] pairs"); continue }
                for (_, pairs) in languages {
                    guard case .sequence(let items) = pairs else { context.error(pairs, "a list of [ending, nominative] pairs"); continue }
                    for pair in items {
                        let texts = context.strings(pair, what: "inflections").map(\.text)
                        guard texts.count == 2 else { context.error(pair, "inflection pairs are [ending, nominative]"); continue }
                        catalog.inflections.append((NameKey.fold(texts[0]), NameKey.fold(texts[1])))
                    }
                }
            default:
                guard case .mapping(let languages) = value else { context.error(value, "stopwords is a mapping of languages to lists"); continue }
                for (_, list) in languages { catalog.stopwords.formUnion(words(list, "stopwords").map(NameKey.fold)) }
            }
        }
    }

    /// ICU transforms of the ICU that Foundation ships, checked by `NameTests`: the loader does
    /// not open these to check they exist.
    static let knownTransforms: Set<String> = [
        "Russian-Latin/BGN", "Ukrainian-Latin/BGN", "Belarusian-Latin/BGN", "Bulgarian-Latin/BGN", "Serbian-Latin/BGN",
        "Macedonian-Latin/BGN", "Kazakh-Latin/BGN", "Kirghiz-Latin/BGN", "Mongolian-Latin/BGN", "Greek-Latin/UNGEGN",
        "Greek-Latin/BGN", "Greek-Latin", "Cyrillic-Latin", "Arabic-Latin", "Hebrew-Latin", "Any-Latin", "Latin-ASCII",
    ]

    private static func loadTransliteration(_ mapping: Yams.Node.Mapping, into catalog: inout NameCatalog, context: inout RuleLoader.Context) {
        var rules = catalog.transliteration
        func transform(_ node: Yams.Node, _ what: String) -> String? {
            guard let id = context.string(node, what: what) else { return nil }
            // An ICU transform that does not exist returns nil: caught here, not on the first page.
            // Opening one costs milliseconds (ICU builds it from rules), so the transforms the
            // shipped ICU is known to hold are not opened again (a test opens each of them).
            if !Self.knownTransforms.contains(id), "a".applyingTransform(StringTransform(rawValue: id), reverse: false) == nil {
                context.error(node, "unknown ICU transform \"\(id)\"")
                return nil
            }
            return id
        }
        for (key, value) in mapping {
            guard let name = context.key(key, allowed: transliterationKeys) else { continue }
            guard case .mapping(let fields) = value else { context.error(value, "\(name) is a mapping"); continue }
            if name == "transforms" {
                for (scriptKey, scriptValue) in fields {
                    guard let script = context.key(scriptKey, allowed: ["cyrillic", "greek", "arabic"]) else { continue }
                    switch script {
                    case "cyrillic":
                        guard case .mapping(let languages) = scriptValue else { context.error(scriptValue, "cyrillic maps language codes to transforms"); continue }
                        for (language, id) in languages { if let code = language.string, let id = transform(id, "transform") { rules.cyrillic[code] = id } }
                    case "greek": rules.greek = transform(scriptValue, "greek")
                    default: rules.arabic = transform(scriptValue, "arabic")
                    }
                }
                continue
            }
            for (pressKey, pressValue) in fields {
                guard let field = context.key(pressKey, allowed: pressKeys) else { continue }
                switch field {
                case "words", "arabic_words":
                    guard case .mapping(let pairs) = pressValue else { context.error(pressValue, "\(field) maps words to words"); continue }
                    for (from, to) in pairs {
                        guard let from = from.string, let to = to.string else { context.error(pressValue, "\(field) holds text only"); continue }
                        if field == "words" { rules.words[from] = to } else { rules.arabicWords[from] = to }
                    }
                case "remove":
                    rules.remove.formUnion(context.strings(pressValue, what: "remove").flatMap { Array($0.text) })
                default:
                    guard case .sequence(let pairs) = pressValue else { context.error(pressValue, "\(field) is a list of [from, to] pairs"); continue }
                    for pair in pairs {
                        let texts = context.strings(pair, what: field).map(\.text)
                        guard texts.count == 2 else { context.error(pair, "\(field) pairs are [from, to]"); continue }
                        if field == "endings" { rules.endings.append((texts[0], texts[1])) } else { rules.beforeConsonant.append((texts[0], texts[1])) }
                    }
                }
            }
        }
        catalog.transliteration = rules
    }
}

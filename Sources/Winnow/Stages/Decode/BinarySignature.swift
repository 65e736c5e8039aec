/// Recognizes content that is not text at all (images, archives, PDFs, executables), so such
/// a page is rejected with a reason instead of being parsed as HTML.
enum BinarySignature {
    private static let signatures: [(prefix: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "PDF document"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"),
        (Array("GIF87a".utf8), "GIF image"), (Array("GIF89a".utf8), "GIF image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("RIFF".utf8), "RIFF media (WebP, WAV or AVI)"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive (or an Office document)"),
        ([0x1F, 0x8B], "gzip data inside an uncompressed page"),
        ([0x28, 0xB5, 0x2F, 0xFD], "Zstandard data"),
        (Array("BZh".utf8), "bzip2 data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz data"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        (Array("OggS".utf8), "Ogg media"),
        (Array("ID3".utf8), "MP3 audio"),
        ([0x00, 0x61, 0x73, 0x6D], "WebAssembly module"),
        (Array("wOFF".utf8), "WOFF font"), (Array("wOF2".utf8), "WOFF2 font"),
    ]

    /// A description of the binary format, or nil when the bytes may be text.
    static func identify(_ bytes: [UInt8]) -> String? {
        for (prefix, name) in signatures where bytes.count >= prefix.count && bytes.starts(with: prefix) {
            return name
        }
        // Control bytes that text never holds (NUL aside from UTF-16, which has a BOM or is
        // caught here as binary-looking): more than 10% of the first 1024 bytes.
        let length = min(bytes.count, 1024)
        guard length > 0 else { return nil }
        // Counted over the bytes in place, with nothing but a sum carried from one byte to the
        // next: the compiler turns the loop into vector compares (a loop over the array's
        // slice took ten instructions a byte, on every page).
        let controls = bytes.withUnsafeBufferPointer { buffer -> Int in
            var controls: UInt16 = 0
            for index in 0..<length {
                let byte = buffer[index]
                controls &+= (byte < 0x09 ? 1 : 0) | (byte &- 0x0E < 0x12 && byte != 0x1B ? 1 : 0)
            }
            return Int(controls)
        }
        return controls * 10 > length ? "binary data (\(controls) control bytes in the first \(length))" : nil
    }
}

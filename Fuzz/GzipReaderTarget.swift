// libFuzzer target: any bytes through the streaming gzip reader (members, resynchronization
// after damage, member offsets) read in small chunks, and the one-shot decompressors (gzip,
// deflate with and without zlib header, brotli). Built by scripts/fuzz.sh with the WinnowIO
// sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzipReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = GzipSource(MemorySource(bytes))
    var output: [UInt8] = []
    var reads = 0
    while reads < 100_000, output.count < 1 << 22 {
        guard let count = try? source.read(appendingTo: &output), count > 0 else { break }
        reads += 1
    }
    _ = Gzip.decompress(bytes, limit: 1 << 22)
    _ = Deflate.decompress(bytes, limit: 1 << 22)
    _ = Brotli.decompress(bytes, limit: 1 << 22)
    return 0
}

// libFuzzer target: any bytes through the WARC reader and the page maker (gzip, headers,
// HTTP heads, chunked coding). Built by scripts/fuzz.sh with the WinnowIO sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARCReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = WARCReader(source: MemorySource(bytes), maximumBlockBytes: 1 << 20)
    let pages = WARCPages(fileID: "fuzz.warc", path: nil)
    var count = 0
    while let result = reader.next(), count < 10_000 {
        _ = pages.outcome(of: result)
        count += 1
    }
    _ = Gzip.decompress(bytes, limit: 1 << 22)
    _ = ChunkedCoding.decode(bytes[...])
    _ = HTTPResponse.parse(bytes)
    return 0
}

// libFuzzer target: any bytes as a JSON Lines stream (line splitting over a gzip or plain
// source, JSON parsing of each line). Built by scripts/fuzz.sh with the WinnowIO sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source: ByteSource = GzipSource.isGzip(bytes) ? GzipSource(MemorySource(bytes)) : MemorySource(bytes)
    let lines = ByteReader(source)
    var count = 0
    while let line = try? lines.readLine(limit: 1 << 16), count < 10_000 {
        _ = try? JSONParser.parse(String(decoding: line, as: UTF8.self))
        count += 1
    }
    return 0
}

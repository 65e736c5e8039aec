// libFuzzer target: any bytes through charset sniffing (BOM, HTTP label, <meta> prescan, UTF-8
// validation, UTF-16 without BOM, the detector) and the whole Decode stage (binary signatures,
// transcoding through ICU, NUL removal). Built by scripts/fuzz.sh against the Winnow module.
import Winnow
import WinnowIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCharsetSniff(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let label = bytes.first.map { ["utf-8", "windows-1251", "shift_jis", "gb18030", "utf-16le", "iso-2022-jp", "x-user-defined", "bogus"][Int($0) % 8] }
    _ = SniffCharset().sniff(bytes)
    _ = SniffCharset().sniff(bytes, transportLabel: label)
    var trace = Trace()
    _ = try? DecodePage().run(InputPage(id: "fuzz", bytes: bytes), maximumBytes: 1 << 22, trace: &trace)
    return 0
}

// libFuzzer target: any bytes as a page through the whole pipeline, once as HTML (decode,
// libxml2 parse, repair, strip, extract, dates, render) and once as flat text (the text
// route). Names are off (the gazetteer is data, loaded once per run). Built by
// scripts/fuzz.sh against the Winnow module.
import Winnow
import WinnowIO

private let pipeline: DefaultPipeline = {
    var options = PipelineOptions(baseURL: "https://fuzz.example/page")
    options.referenceDate = "2021-06-22"
    options.pageTimeout = nil
    return DefaultPipeline(options: options)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTMLExtract(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let html = pipeline.process(InputPage(id: "fuzz.html", bytes: bytes))
    _ = html.record.serialized()
    let text = pipeline.process(InputPage(id: "fuzz.txt", bytes: bytes).as(.text))
    _ = text.record.serialized()
    return 0
}

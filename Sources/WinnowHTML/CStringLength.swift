#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The length of a NUL-terminated string libxml2 holds (text content, attribute values), by the
/// C library's `strlen`, which reads a vector of bytes at a time: a Swift loop over the bytes
/// cost two instructions a byte on every text node and class value the stages read.
@inline(__always)
func cStringLength(_ pointer: UnsafePointer<UInt8>) -> Int {
    strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
}

/// A set of tags as 256 bits (one per raw value): membership is a shift and a mask, where a
/// `Set<HTMLTag>` hashes the tag with SipHash on every question. The walkers ask it once per
/// element.
public struct HTMLTagSet: Sendable, ExpressibleByArrayLiteral {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    public init() {}

    public init(arrayLiteral tags: HTMLTag...) {
        for tag in tags { insert(tag) }
    }

    public mutating func insert(_ tag: HTMLTag) {
        let bit = UInt64(1) << UInt64(tag.rawValue & 63)
        switch tag.rawValue >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    @inline(__always)
    public func contains(_ tag: HTMLTag) -> Bool {
        let word: UInt64
        switch tag.rawValue >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return word & (UInt64(1) << UInt64(tag.rawValue & 63)) != 0
    }
}

import ArgumentParser

/// `--shard I/N`: the pages whose position in the input (0, 1, 2, … in input order) leaves
/// remainder I when divided by N. The same inputs give the same shards on every machine.
struct Shard: ExpressibleByArgument, Equatable {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (0..<count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }

    func contains(_ position: Int) -> Bool { position % count == index }
}

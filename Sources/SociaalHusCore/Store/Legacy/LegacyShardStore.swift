import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The shard files of formats 1–3 (a manifest, one file per shard): read once, when a store of
/// that kind is moved into its database (`Store.open` does it by itself), and by `check`. Nothing
/// here writes.
enum LegacyShardStore {
    /// True when `path` holds a store of shard files.
    static func exists(at path: String) -> Bool { FileManager.default.fileExists(atPath: path + "/manifest.json") }

    /// Reads and checks the manifest.
    static func readManifest(_ path: String) throws -> Manifest {
        let data = try DurableFile.read(path + "/manifest.json", displayName: "manifest.json")
        let manifest: Manifest
        do {
            manifest = try ShardCodec.decoder().decode(Manifest.self, from: data)
        } catch {
            if let probe = try? ShardCodec.decoder().decode(FormatProbe.self, from: data), probe.format > Manifest.currentFormat {
                throw CoreError.storeNewerFormat(file: "manifest.json", found: probe.format, known: Manifest.currentFormat)
            }
            throw CoreError.storeCorrupt(file: "manifest.json", problem: .unreadable(detail: ShardCodec.describe(error)))
        }
        if manifest.format > Manifest.currentFormat {
            throw CoreError.storeNewerFormat(file: "manifest.json", found: manifest.format, known: Manifest.currentFormat)
        }
        try manifest.validate()
        return manifest.upgraded()
    }

    /// Reads every shard the manifest names, checking sizes and checksums.
    static func load(_ path: String) throws -> StoreState {
        let manifest = try readManifest(path)
        try checkDirectory(path + "/data")
        var state = StoreState(manifest: manifest)
        var jobs: [(ShardRef, Manifest.FileEntry)] = []
        for (c, entry) in manifest.collections {
            for (key, file) in entry.files { jobs.append((ShardRef(collection: c, shard: Int(key)!), file)) }
        }
        let results = ResultSlots<LoadedShard>(count: jobs.count)
        let dataPath = path + "/data"
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            let (ref, entry) = work[i]
            results.set(i, Result { try loadShard(ref, entry, dataPath: dataPath) })
        }
        for (i, job) in jobs.enumerated() { state.install(try results.get(i), shard: job.0.shard) }
        return state
    }

    static func checkDirectory(_ path: String) throws { try Store.checkDirectory(path) }

    /// Reads one data file and checks it against its manifest entry.
    static func loadShard(_ ref: ShardRef, _ entry: Manifest.FileEntry, dataPath: String) throws -> LoadedShard {
        let name = "data/" + entry.file
        guard !entry.file.contains("/"), !entry.file.hasPrefix(".") else {
            throw CoreError.storeCorrupt(file: "manifest.json", problem: .unreadable(detail: "file name"))
        }
        let data = try DurableFile.read(dataPath + "/" + entry.file, displayName: name)
        guard data.count == entry.size else { throw CoreError.storeCorrupt(file: name, problem: .wrongSize(expected: entry.size, found: data.count)) }
        guard CRC32.checksum(data) == entry.crc else { throw CoreError.storeCorrupt(file: name, problem: .checksumMismatch) }
        return try ShardCodec.decode(data, ref: ref, displayName: name)
    }
}

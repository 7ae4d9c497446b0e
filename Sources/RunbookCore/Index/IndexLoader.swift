import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads an `index.json` from a file or an `http(s)` URL (a published site's index).
public enum IndexLoader {
    /// Larger than any real index (10,000 runbooks make about 60 MB) but bounded,
    /// so a wrong URL cannot fill memory.
    static let sizeLimit = 512 << 20

    /// - Parameter location: a path, or an `http://` / `https://` URL.
    public static func load(_ location: String) async throws(IndexError) -> IndexDocument {
        let data = isURL(location) ? try await fetch(location) : try read(location)
        return try IndexDocument(json: data, origin: location)
    }

    public static func isURL(_ location: String) -> Bool {
        let lowered = location.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    private static func read(_ path: String) throws(IndexError) -> Data {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
            guard data.count <= sizeLimit else { throw IndexError(path, "larger than \(sizeLimit >> 20) MB; this is not an index") }
            return data
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError(path, "cannot read the index (\(error.localizedDescription)); check the path given to --index")
        }
    }

    private static func fetch(_ location: String) async throws(IndexError) -> Data {
        guard let url = URL(string: location), url.host != nil else {
            throw IndexError(location, "not a valid URL")
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 30)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw IndexError(location, "cannot fetch the index (\(error.localizedDescription)); check the URL and the network")
        }
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            throw IndexError(location, "the server answered HTTP \(http.statusCode); check the URL of the published index.json")
        }
        guard data.count <= sizeLimit else { throw IndexError(location, "larger than \(sizeLimit >> 20) MB; this is not an index") }
        return data
    }
}

import Foundation

/// Reads the JSON Alertmanager posts to a webhook receiver (version 4): `status`
/// and `alerts[]`, each with `status`, `labels` (with `alertname`) and `annotations`.
/// Payloads come from outside, so their size is bounded and every shape is checked.
public enum AlertmanagerPayload {
    /// Payloads larger than this are refused.
    public static let maximumSize = 16 << 20
    private static let annotationKeys = ["summary", "description", "message"]

    /// Every alert of the payload, firing or resolved, in payload order.
    public static func alerts(in data: [UInt8], source: String) throws(AuthoringError) -> [FiringAlert] {
        guard data.count <= maximumSize else {
            throw AuthoringError("'\(source)' is larger than \(maximumSize >> 20) MiB; not an Alertmanager payload")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(data))
        } catch {
            throw AuthoringError("'\(source)' is not JSON: \(error.localizedDescription)")
        }
        guard let payload = object as? [String: Any] else {
            throw AuthoringError("'\(source)' is not an Alertmanager webhook payload: expected a JSON object with 'alerts'")
        }
        guard let alerts = payload["alerts"] as? [Any] else {
            throw AuthoringError("'\(source)' is not an Alertmanager webhook payload: 'alerts' is missing or not a list")
        }
        let groupStatus = payload["status"] as? String ?? "firing"
        var result: [FiringAlert] = []
        for (index, item) in alerts.enumerated() {
            guard let alert = item as? [String: Any], let labels = alert["labels"] as? [String: Any] else {
                throw AuthoringError("'\(source)': alerts[\(index)] has no 'labels' object")
            }
            guard let name = labels["alertname"] as? String, !name.isEmpty else {
                throw AuthoringError("'\(source)': alerts[\(index)] has no 'alertname' label")
            }
            let annotations = alert["annotations"] as? [String: Any] ?? [:]
            result.append(FiringAlert(
                name: name,
                status: alert["status"] as? String ?? groupStatus,
                labels: labels.compactMapValues { $0 as? String },
                texts: annotationKeys.compactMap { annotations[$0] as? String }))
        }
        return result
    }
}

import Dispatch
import Synchronization

/// A value worked out on another thread while the caller does something else,
/// then waited for where it is needed.
public final class BackgroundValue<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let group = DispatchGroup()

    /// - Parameter qos: the priority of the thread that makes the value.
    public init(qos: DispatchQoS.QoSClass = .default, _ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: qos).async(group: group) { [self] in
            let value = make()
            result.withLock { $0 = value }
        }
    }

    /// The value, once it is made.
    public var value: Value {
        group.wait()
        return result.withLock { $0! }
    }
}

import Foundation

/// Brute-force protection: after 5 consecutive failures each attempt waits longer (2, 4, 8 …
/// seconds, at most 15 minutes), and at most 100 failures per account per hour are allowed.
public enum LoginThrottle {
    /// Consecutive failures allowed before the delay starts.
    public static let freeFailures = 5
    /// Failures allowed per account per hour.
    public static let hourlyLimit = 100
    /// Longest delay between attempts.
    public static let maximumDelay: TimeInterval = 900

    /// Failures older than this are forgotten, for an account as for an address without one, so
    /// the two answer alike at every moment (a longer memory for real accounts would tell them apart).
    public static let memory: TimeInterval = 3600

    /// The state with failures past `memory` forgotten.
    public static func current(_ state: LoginThrottleState, now: Date) -> LoginThrottleState {
        guard let last = state.lastFailure, now.timeIntervalSince(last) < memory else { return LoginThrottleState() }
        return state
    }

    /// Seconds to wait before the next attempt is accepted, or 0.
    public static func wait(_ state: LoginThrottleState, now: Date) -> Int {
        let state = current(state, now: now)
        var wait: TimeInterval = 0
        let recent = state.recentFailures.filter { now.timeIntervalSince($0) < 3600 }
        if recent.count >= hourlyLimit, let oldest = recent.min() {
            wait = max(wait, oldest.addingTimeInterval(3600).timeIntervalSince(now))
        }
        if state.consecutiveFailures >= freeFailures, let last = state.lastFailure {
            let exponent = min(state.consecutiveFailures - freeFailures + 1, 20)
            let delay = min(pow(2, Double(exponent)), maximumDelay)
            wait = max(wait, last.addingTimeInterval(delay).timeIntervalSince(now))
        }
        return wait > 0 ? Int(wait.rounded(.up)) : 0
    }

    /// The state after one more failure at `now`.
    public static func recordingFailure(_ state: LoginThrottleState, now: Date) -> LoginThrottleState {
        var s = current(state, now: now)
        s.consecutiveFailures += 1
        s.lastFailure = now
        s.recentFailures = (s.recentFailures.filter { now.timeIntervalSince($0) < 3600 } + [now]).suffix(hourlyLimit)
        return s
    }
}

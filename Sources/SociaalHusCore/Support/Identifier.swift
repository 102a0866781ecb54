import Foundation

/// A typed internal id: an `ID<Account>` cannot be passed where an `ID<Post>` is meant.
public struct ID<Entity>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The number as stored.
    public let rawValue: Int

    /// Wraps a stored number.
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}

public typealias AccountID = ID<Account>
public typealias WijkID = ID<Wijk>
public typealias OrganisationID = ID<Organisation>
public typealias AgendaItemID = ID<AgendaItem>
public typealias PostID = ID<Post>
public typealias MessageID = ID<ContactMessage>
public typealias AuditEventID = ID<AuditEvent>
public typealias IntakeID = ID<Intake>
public typealias DisclosureID = ID<Disclosure>
public typealias OutboxMessageID = ID<OutboxMessage>
public typealias ReportID = ID<Report>

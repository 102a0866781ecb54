import Foundation

/// A piece of content a notification or digest line tells of, so deleting the content withdraws
/// what was still waiting to be sent about it.
public enum ContentRef: Codable, Sendable, Hashable {
    /// A post on the prikbord.
    case post(PostID)
    /// An activity in the agenda.
    case activity(AgendaItemID)
    /// A contact message.
    case message(MessageID)
}

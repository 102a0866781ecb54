import Foundation

/// One occurrence as a line of the agenda shows it, read from the occurrence rows without
/// decoding the activity: for listings of tens of thousands of lines (`sociaalhus agenda`).
///
/// `title` and `location` point into SQLite's row and are valid only during the call that
/// passes the line (copy what you keep). They are the text as typed: sanitise before drawing.
public struct AgendaLine: ~Copyable {
    /// When this occurrence starts.
    public var start: Double
    /// When it ends (seconds since 1970), if the activity has an end.
    public var end: Double?
    /// True for an activity of whole days.
    public var allDay: Bool
    /// The activity.
    public var item: AgendaItemID
    /// Its organisation.
    public var organisation: OrganisationID
    /// Its wijk; nil for all of Borne.
    public var wijk: WijkID?
    /// The title's UTF-8 bytes, valid during the call only.
    public var title: UnsafeRawBufferPointer
    /// The place's UTF-8 bytes, valid during the call only.
    public var location: UnsafeRawBufferPointer
}

import Foundation

/// Changes to what people publish and say: posts, agenda items, organisations, messages,
/// moderation, feeds, newsletters and the platform's settings.
extension Intent where Result == Post {
    /// Places a post.
    public static func createPost(_ d: PostDraft) -> Intent {
        Intent("createPost", .action(.createPost(author: d.author, wijk: d.wijk))) { s, v in try s.createPost(d, by: v) }
    }
}

extension Intent where Result == AgendaItem {
    /// Creates an agenda item for an organisation one edits.
    /// With `signUps`, it takes sign-ups from the start (in the same change).
    public static func createAgendaItem(_ draft: AgendaItem, signUps: SignUpOptions? = nil) -> Intent {
        Intent("createAgendaItem", .action(.createAgendaItem(organisation: draft.organisation))) { s, v in try s.createAgendaItem(draft, signUps: signUps, by: v) }
    }
}

extension Intent where Result == Organisation {
    /// Creates a directory entry (administrators).
    public static func createOrganisation(_ draft: Organisation) -> Intent {
        Intent("createOrganisation", .action(.manageOrganisations)) { s, v in try s.createOrganisation(draft, by: v) }
    }
}

extension Intent where Result == ContactMessage {
    /// Sends a message through the platform (visitors too, where the platform allows).
    public static func sendMessage(senderName: String, senderEmail: String, to recipient: ContactMessage.Recipient,
                                   about: ContactMessage.About? = nil, text: String) -> Intent {
        Intent("sendMessage", .anyone) { s, v in
            try s.sendMessage(senderName: senderName, senderEmail: senderEmail, to: recipient, about: about, text: text, by: v)
        }
    }

    /// Replies to a message one received.
    public static func reply(to id: MessageID, text: String) -> Intent {
        Intent("reply", .signedIn) { s, v in try s.reply(to: id, text: text, by: v) }
    }
}

extension Intent where Result == Report {
    /// Reports content (visitors too).
    public static func report(_ target: ReportTarget, reason: ReportReason, explanation: String, name: String, email: String) -> Intent {
        Intent("report", .anyone) { s, v in try s.report(target, reason: reason, explanation: explanation, name: name, email: email, by: v) }
    }

    /// Records a takedown notice received outside the platform (administrators).
    public static func recordTakedown(_ target: ReportTarget, from name: String, email: String, notice: String) -> Intent {
        Intent("recordTakedown", .action(.administerPlatform)) { s, v in try s.recordTakedown(target, from: name, email: email, notice: notice, by: v) }
    }
}

extension Intent where Result == FeedApproval {
    /// Approves sharing a wijk's agenda with a third party (that wijk's local partner).
    public static func approveFeed(wijk: WijkID, thirdParty: String) -> Intent {
        Intent("approveFeed", .action(.approveFeed(wijk: wijk))) { s, v in try s.approveFeed(wijk: wijk, thirdParty: thirdParty, by: v) }
    }
}

extension Intent where Result == Int {
    /// Sends the wijk newsletter; returns how many it went to.
    public static func sendNewsletter(wijk: WijkID, subject: String, text: String) -> Intent {
        Intent("sendNewsletter", .action(.sendNewsletter(wijk: wijk))) { s, v in try s.sendNewsletter(wijk: wijk, subject: subject, text: text, by: v) }
    }

    /// Sends an announcement to everyone (administrators); returns how many it went to.
    public static func sendAnnouncement(subject: String, text: String) -> Intent {
        Intent("sendAnnouncement", .action(.administerPlatform)) { s, v in try s.sendAnnouncement(subject: subject, text: text, by: v) }
    }
}

extension Intent where Result == Void {
    /// Edits a post (its author; an organisation's, its editors); `basedOn` refuses a save over a newer version.
    public static func editPost(_ id: PostID, _ edit: PostEdit, basedOn: Post? = nil) -> Intent {
        Intent("editPost", .signedIn) { s, v in try s.editPost(id, edit, basedOn: basedOn, by: v) }
    }

    /// Renews a post for `days` more days from now.
    public static func renewPost(_ id: PostID, days: Int = Post.defaultLifetimeDays) -> Intent {
        Intent("renewPost", .signedIn) { s, v in try s.renewPost(id, days: days, by: v) }
    }

    /// Deletes a post.
    public static func deletePost(_ id: PostID) -> Intent {
        Intent("deletePost", .signedIn) { s, v in try s.deletePost(id, by: v) }
    }

    /// Edits an agenda item; `basedOn` refuses a save over a newer version. `signUps` sets its
    /// sign-up options in the same change (`.some(nil)`: no more sign-ups; nil: left as they are).
    public static func editAgendaItem(_ id: AgendaItemID, _ edit: AgendaEdit, basedOn: AgendaItem? = nil, signUps: SignUpOptions?? = nil) -> Intent {
        Intent("editAgendaItem", .signedIn) { s, v in try s.editAgendaItem(id, edit, basedOn: basedOn, signUps: signUps, by: v) }
    }

    /// Deletes an agenda item.
    public static func deleteAgendaItem(_ id: AgendaItemID) -> Intent {
        Intent("deleteAgendaItem", .signedIn) { s, v in try s.deleteAgendaItem(id, by: v) }
    }

    /// Saves an organisation's entry as `entry` holds it: its name, description, categories,
    /// address, phone, e-mail, website and opening hours (its wijken and editors change elsewhere).
    public static func updateOrganisation(_ id: OrganisationID, basedOn: Organisation? = nil, to entry: Organisation) -> Intent {
        Intent("updateOrganisation", .action(.editOrganisation(id))) { s, v in
            try s.updateOrganisation(id, basedOn: basedOn, by: v) { o in
                o.name = entry.name
                o.description = entry.description
                o.categories = entry.categories
                o.address = entry.address
                o.phone = entry.phone
                o.email = entry.email
                o.website = entry.website
                o.openingHours = entry.openingHours
            }
        }
    }

    /// Marks a message read.
    public static func markRead(_ id: MessageID) -> Intent {
        Intent("markRead", .signedIn) { s, v in try s.markRead(id, by: v) }
    }

    /// Deletes a message from one's own view.
    public static func deleteMessage(_ id: MessageID) -> Intent {
        Intent("deleteMessage", .signedIn) { s, v in try s.deleteMessage(id, by: v) }
    }

    /// Deletes the conversation holding a message from one's own view.
    public static func deleteConversation(holding id: MessageID) -> Intent {
        Intent("deleteConversation", .signedIn) { s, v in try s.deleteConversation(holding: id, by: v) }
    }

    /// Acts on a report (the wijk's local partner, or an administrator).
    public static func moderate(_ id: ReportID, _ action: ModerationAction, reason: ReportReason? = nil, note: String = "") -> Intent {
        Intent("moderate", .action(.openModeration)) { s, v in try s.moderate(id, action, reason: reason, note: note, by: v) }
    }

    /// Writes to the author of reported content.
    public static func replyToAuthor(_ id: ReportID, text: String) -> Intent {
        Intent("replyToAuthor", .action(.openModeration)) { s, v in try s.replyToAuthor(id, text: text, by: v) }
    }

    /// Blocks the resident behind reported content (administrators).
    public static func blockAuthor(ofReport id: ReportID) -> Intent {
        Intent("blockAuthor", .action(.administerPlatform)) { s, v in try s.blockAuthor(ofReport: id, by: v) }
    }

    /// Objects, once, to the hiding of one's own post or activity.
    public static func object(to target: ReportTarget, text: String) -> Intent {
        Intent("object", .signedIn) { s, v in try s.object(to: target, text: text, by: v) }
    }

    /// Makes the platform private or public, registration open or closed (administrators).
    public static func setPlatform(isPrivate: Bool? = nil, registrationOpen: Bool? = nil) -> Intent {
        Intent("setPlatform", .action(.administerPlatform)) { s, v in try s.setPlatform(isPrivate: isPrivate, registrationOpen: registrationOpen, by: v) }
    }

    /// Sets the privacy statement in Dutch and English (administrators).
    public static func setPrivacyStatement(dutch: String?, english: String?) -> Intent {
        Intent("setPrivacyStatement", .action(.administerPlatform)) { s, v in try s.setPrivacyStatement(dutch: dutch, english: english, by: v) }
    }

    /// Withdraws sharing a wijk's agenda (that wijk's local partner).
    public static func withdrawFeed(_ id: Int) -> Intent {
        Intent("withdrawFeed", .signedIn) { s, v in try s.withdrawFeed(id, by: v) }
    }
}

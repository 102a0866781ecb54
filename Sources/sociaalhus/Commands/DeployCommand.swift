import Foundation
import SociaalHusCore

/// `sociaalhus deploy ssh`: prints (never installs) what an administrator adds to OpenSSH to
/// serve the interface to many terminals from one store: a dedicated system user
/// owns the store, sshd's ForceCommand runs the interface and nothing else, with a terminal and
/// no forwarding of any kind. sshd is the server; SociaalHus has none of its own.
enum DeployCommand {
    static func run(_ args: inout Arguments, _ ctx: CommandContext) throws {
        let user = args.value("user") ?? "sociaalhus"
        let store = args.value("store") ?? "/var/lib/\(user)/store"
        // Where step 1 installs it (this build's own path may be a checkout that goes away).
        let binary = args.value("binary") ?? "/usr/local/bin/sociaalhus"
        let maxSessions = args.value("max-sessions") ?? "100"
        // The words go into sshd_config: a user name and paths of plain characters only.
        for (option, value) in [("user", user), ("store", store), ("binary", binary)] {
            guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/._-".contains($0)) }) else {
                throw CLIError.invalidValue(option: option, value: value, expected: ctx.t("letters, cijfers en / . _ -", "letters, digits and / . _ -"))
            }
        }
        guard let sessions = Int(maxSessions), (1...10_000).contains(sessions) else {
            throw CLIError.invalidValue(option: "max-sessions", value: maxSessions, expected: ctx.t("een getal van 1 tot 10000", "a number from 1 to 10000"))
        }
        Console.out(text(user: user, store: store, binary: binary, maxSessions: sessions, ctx))
    }

    /// The configuration and the steps around it.
    static func text(user: String, store: String, binary: String, maxSessions: Int, _ ctx: CommandContext) -> String {
        let home = (store as NSString).deletingLastPathComponent
        return """
        # SociaalHus over OpenSSH. \(ctx.t("Niets hiervan is al gedaan: lees, pas aan, en voer zelf uit.", "None of this has been done: read, adapt, and run it yourself."))
        #
        # 1. \(ctx.t("Een systeemgebruiker die de opslag bezit (de shell is nodig: sshd start ForceCommand via de shell):", "A system user that owns the store (it needs a shell: sshd runs ForceCommand through it):"))
        #      adduser --system --group --home \(home) --shell /bin/sh \(user)
        #      install -m 0755 .build/release/sociaalhus \(binary)   # \(ctx.t("met Themes/ ernaast", "with Themes/ next to it"))
        #      sudo -u \(user) \(binary) init --store \(store)
        # 2. \(ctx.t("Zet het blok hieronder onderaan /etc/ssh/sshd_config (Match geldt tot het einde), en dan:", "Put the block below at the end of /etc/ssh/sshd_config (Match lasts to the end), then:"))
        #      sshd -t && systemctl reload ssh
        # 3. \(ctx.t("Binnenkomen, één van de twee:", "Letting people in, one of the two:"))
        #    a. \(ctx.t("Alleen met een SSH-sleutel: elke sleutel op een eigen regel in", "Only with an SSH key: each key on its own line in")) \(home)/.ssh/authorized_keys,
        #       \(ctx.t("voorafgegaan door", "prefixed by")) restrict,pty  (\(ctx.t("en laat AuthenticationMethods publickey staan", "and keep AuthenticationMethods publickey")))
        #    b. \(ctx.t("Bezoekers zonder wachtwoord (een publieke terminal): passwd -d", "Visitors without a password (a public terminal): passwd -d")) \(user),
        #       \(ctx.t("en vervang in het blok AuthenticationMethods door", "and in the block replace AuthenticationMethods by")) 'PasswordAuthentication yes' + 'PermitEmptyPasswords yes'
        #       (\(ctx.t("Debian's PAM staat een leeg wachtwoord toe met nullok, de standaard", "Debian's PAM allows an empty password with nullok, its default"))). \(ctx.t("Iedereen logt dan als bezoeker in en logt in SociaalHus zelf in.", "Everyone then arrives as a visitor and logs in to SociaalHus itself."))
        # 4. \(ctx.t("Tegen overbelasting, buiten het Match-blok (globaal):", "Against floods, outside the Match block (global):"))
        #      MaxStartups 10:30:100
        #      LoginGraceTime 30
        #    \(ctx.t("OpenSSH 9.8 en nieuwer: ook", "OpenSSH 9.8 and later: also")) PerSourcePenalties yes  (\(ctx.t("Debian 12 heeft 9.2, zonder", "Debian 12 ships 9.2, without")))
        #    \(ctx.t("Debian's standaard 'AcceptEnv LANG LC_*' laat ook LC_* door: onschuldig (SociaalHus leest er alleen de tekenset uit), maar haal het weg voor alleen deze vier.", "Debian's default 'AcceptEnv LANG LC_*' lets LC_* in too: harmless (SociaalHus only reads the character set from it), but remove it for just these four."))

        Match User \(user)
            ForceCommand \(binary) --store \(store) --shared
            PermitTTY yes
            DisableForwarding yes
            AllowTcpForwarding no
            AllowStreamLocalForwarding no
            AllowAgentForwarding no
            X11Forwarding no
            PermitTunnel no
            GatewayPorts no
            PermitUserRC no
            AcceptEnv LANG TERM COLORTERM NO_COLOR
            MaxSessions 1
            ClientAliveInterval 30
            ClientAliveCountMax 3
            AuthenticationMethods publickey
        # \(ctx.t("Hoogstens", "At most")) \(maxSessions) \(ctx.t("tegelijk: MaxStartups beperkt het aantal nieuwe verbindingen; het aantal open sessies per gebruiker beperkt /etc/security/limits.d/sociaalhus.conf met", "at once: MaxStartups limits new connections; the open sessions per user are limited by /etc/security/limits.d/sociaalhus.conf with")):
        #   \(user) hard maxlogins \(maxSessions)
        """
    }
}

import Foundation
import SociaalHusCore

/// `sociaalhus deploy ssh`: prints (never installs) what an administrator adds to OpenSSH to
/// serve the interface to many terminals from one store (issue 16): a dedicated system user
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
                throw CLIError.invalidValue(option: option, value: value, expected: ctx.t(.lettersDigitsAnd))
            }
        }
        guard let sessions = Int(maxSessions), (1...10_000).contains(sessions) else {
            throw CLIError.invalidValue(option: "max-sessions", value: maxSessions, expected: ctx.t(.numberFrom1To10000))
        }
        Console.out(text(user: user, store: store, binary: binary, maxSessions: sessions, ctx))
    }

    /// The configuration and the steps around it.
    static func text(user: String, store: String, binary: String, maxSessions: Int, _ ctx: CommandContext) -> String {
        let home = (store as NSString).deletingLastPathComponent
        return """
        # SociaalHus over OpenSSH. \(ctx.t(.noneOfThisHasBeen))
        #
        # 1. \(ctx.t(.systemUserThatOwnsThe))
        #      adduser --system --group --home \(home) --shell /bin/sh \(user)
        #      install -m 0755 .build/release/sociaalhus \(binary)   # \(ctx.t(.withThemesNextToIt))
        #      sudo -u \(user) \(binary) init --store \(store)
        # 2. \(ctx.t(.putTheBlockBelowAt))
        #      sshd -t && systemctl reload ssh
        # 3. \(ctx.t(.lettingPeopleInOneOf))
        #    a. \(ctx.t(.onlyWithAnSshKey)) \(home)/.ssh/authorized_keys,
        #       \(ctx.t(.prefixedBy)) restrict,pty  (\(ctx.t(.andKeepAuthenticationmethodsPublickey)))
        #    b. \(ctx.t(.visitorsWithoutPasswordPublicTerminal)) \(user),
        #       \(ctx.t(.andInTheBlockReplace)) 'PasswordAuthentication yes' + 'PermitEmptyPasswords yes'
        #       (\(ctx.t(.debianSPamAllowsAn))). \(ctx.t(.everyoneThenArrivesAsVisitor))
        # 4. \(ctx.t(.againstFloodsOutsideTheMatch))
        #      MaxStartups 10:30:100
        #      LoginGraceTime 30
        #    \(ctx.t(.openssh98AndLater)) PerSourcePenalties yes  (\(ctx.t(.debian12Ships92)))
        #    \(ctx.t(.debianSDefaultAcceptenvLang))

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
        # \(ctx.t(.atMost)) \(maxSessions) \(ctx.t(.atOnceMaxstartupsLimitsNew)):
        #   \(user) hard maxlogins \(maxSessions)
        """
    }
}

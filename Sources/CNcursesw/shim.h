#ifndef SOCIAALHUS_CNCURSESW_SHIM_H
#define SOCIAALHUS_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

/* Swift 6 rejects C globals as not concurrency-safe: expose them through functions. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline attr_t cn_bold(void) { return A_BOLD; }
static inline attr_t cn_reverse(void) { return A_REVERSE; }
static inline attr_t cn_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_normal(void) { return A_NORMAL; }
static inline attr_t cn_dim(void) { return A_DIM; }
static inline attr_t cn_color_pair(int n) { return COLOR_PAIR(n); }
#include <langinfo.h>
#include <term.h>
/* True when the terminal can underline (terminfo has "smul"). */
static inline int cn_has_underline(void) {
    char *s = tigetstr("smul");
    return s != 0 && s != (char *)-1;
}
/* True when TERM names a terminal whose cursor can be placed (terminfo has "cup"); read
 * without starting curses, so a dumb terminal gets plain mode instead of a blank screen. */
static inline int cn_can_address_cursor(void) {
    int err = 0;
    if (setupterm(NULL, 1, &err) != OK) return -1;  /* TERM unknown here */
    char *s = tigetstr("cup");
    int ok = s != 0 && s != (char *)-1;
    del_curterm(cur_term);
    return ok;
}
/* A copy of the terminfo string `cap` ("clear", "E3") of the terminal TERM names, read without
 * starting curses (plain mode); 0 when it has none or TERM is unknown. The caller frees it. */
static inline char *cn_terminfo_string(const char *cap) {
    int err = 0;
    if (setupterm(NULL, 1, &err) != OK) return 0;
    char *s = tigetstr(cap);
    char *copy = (s != 0 && s != (char *)-1) ? strdup(s) : 0;
    del_curterm(cur_term);
    return copy;
}
/* The terminfo string `cap` of the terminal curses runs on; 0 when it has none. */
static inline const char *cn_curses_string(const char *cap) {
    char *s = tigetstr(cap);
    return (s != 0 && s != (char *)-1) ? s : 0;
}
/* True when the locale set by setlocale(LC_ALL, "") writes UTF-8. */
static inline int cn_locale_is_utf8(void) {
    const char *c = nl_langinfo(CODESET);
    return c != 0 && (strcmp(c, "UTF-8") == 0 || strcmp(c, "utf8") == 0);
}

/* Leaving the terminal clean, whatever ends the process.
 *
 * While the screen is up, stderr goes to an unlinked temporary file, so nothing (not even the
 * Swift runtime's "Fatal error" line, which is written before the trap) lands on the curses
 * screen. On SIGHUP, SIGTERM, SIGQUIT and on the crash signals SIGILL, SIGTRAP, SIGSEGV, SIGABRT,
 * SIGBUS and SIGFPE, a C handler (only async-signal-safe calls) restores the terminal modes
 * saved before initscr, then copies what was written to stderr out, removes the demo store
 * with /bin/rm (_Fork and execve), and ends the process as the signal would have. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* State lives in a function-local static: Swift does not emit a header's static variables. */
struct cn_guard_state {
    struct termios saved_modes;
    int have_modes;
    int saved_stderr;
    int capture;
    char demo_path[4096];
    volatile sig_atomic_t cleaning;
    volatile sig_atomic_t hangup_sig;
    volatile sig_atomic_t winch;
};
static inline struct cn_guard_state *cn_st(void) {
    static struct cn_guard_state s = { .have_modes = 0, .saved_stderr = -1, .capture = -1, .cleaning = 0, .hangup_sig = 0, .winch = 0 };
    return &s;
}
#define cn_saved_modes (cn_st()->saved_modes)
#define cn_have_modes (cn_st()->have_modes)
#define cn_saved_stderr (cn_st()->saved_stderr)
#define cn_capture (cn_st()->capture)
#define cn_demo_path (cn_st()->demo_path)
#define cn_cleaning (cn_st()->cleaning)

static inline void cn_write_all(int fd, const char *p, size_t n) {
    while (n > 0) { ssize_t w = write(fd, p, n); if (w <= 0) return; p += w; n -= (size_t)w; }
}

/* Copies what was written to stderr while the screen was up to the real stderr. */
static inline void cn_flush_captured(void) {
    if (cn_capture < 0 || cn_saved_stderr < 0) return;
    char buf[4096];
    if (lseek(cn_capture, 0, SEEK_SET) < 0) return;
    ssize_t r;
    while ((r = read(cn_capture, buf, sizeof buf)) > 0) cn_write_all(cn_saved_stderr, buf, (size_t)r);
    dup2(cn_saved_stderr, 2);
    close(cn_capture);
    cn_capture = -1;
}

static inline void cn_remove_demo(void) {
    if (cn_demo_path[0] != '/') return;
    /* _Fork, not fork: it runs no atfork handlers, so it is async-signal-safe (glibc >= 2.34). */
    pid_t pid = _Fork();
    if (pid == 0) {
        char *const argv[] = { "rm", "-rf", "--", cn_demo_path, NULL };
        char *const envp[] = { NULL };
        execve("/bin/rm", argv, envp);
        _exit(127);
    }
    if (pid > 0) { int status; waitpid(pid, &status, 0); }
    cn_demo_path[0] = 0;
}

static inline void cn_restore_modes(void) {
    if (cn_have_modes) tcsetattr(STDIN_FILENO, TCSANOW, &cn_saved_modes);
    /* Leave the alternate screen, show the cursor, reset attributes. */
    static const char reset[] = "\033[?1049l\033[?25h\033[0m\r\n";
    if (isatty(STDOUT_FILENO)) cn_write_all(STDOUT_FILENO, reset, sizeof reset - 1);
}

static void cn_on_signal(int sig) {
    if (cn_cleaning) { signal(sig, SIG_DFL); raise(sig); return; }
    cn_cleaning = 1;
    cn_restore_modes();
    cn_flush_captured();
    static const char crashed[] = "SociaalHus stopte onverwacht; het scherm is hersteld. / SociaalHus stopped unexpectedly; the terminal was restored.\n";
    if (sig != SIGHUP && sig != SIGTERM && sig != SIGQUIT) cn_write_all(2, crashed, sizeof crashed - 1);
    cn_remove_demo();
    signal(sig, SIG_DFL);
    if (sig == SIGHUP || sig == SIGTERM || sig == SIGQUIT) _exit(128 + sig);
    raise(sig);
}

/* SIGHUP (a dropped connection) and SIGTERM: noted, and the run loop ends the session within a
 * second as logging out would, keeping a half-filled intake as its draft with the field being
 * typed (issue 16); only if it has not in three seconds the handler above ends the process as
 * before. A second one meanwhile changes nothing: logind ends an SSH session with SIGTERM and
 * SIGHUP at once, and the draft must still be kept. */
static inline long cn_now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}
static void cn_on_hangup(int sig) {
    static volatile long first_ms = 0;
    if (cn_st()->hangup_sig) {
        /* A second one a second or more later: whoever sent it means now. */
        if (cn_now_ms() - first_ms >= 1000) cn_on_signal(cn_st()->hangup_sig);
        return;
    }
    first_ms = cn_now_ms();
    cn_st()->hangup_sig = sig;
    alarm(3);
}
/* The run loop did not end the session in time: perhaps stuck writing to a terminal that takes
 * nothing any more (a dead connection with full buffers). Its output is dropped and made
 * non-blocking first, so restoring the modes cannot block in here as well. */
static void cn_on_alarm(int sig) {
    tcflush(STDOUT_FILENO, TCOFLUSH);
    int flags = fcntl(STDOUT_FILENO, F_GETFL);
    if (flags >= 0) fcntl(STDOUT_FILENO, F_SETFL, flags | O_NONBLOCK);
    cn_on_signal(cn_st()->hangup_sig ? (int)cn_st()->hangup_sig : sig);
}

/* The terminal is gone without a signal (a pty closed under runuser/su/sudo, a revoked tty):
 * treated exactly as a SIGHUP, so the run loop ends the session in order (issue 22). */
static inline void cn_note_hangup(void) { cn_on_hangup(SIGHUP); }

/* True when standard input can give no more keys: poll reports a hang-up or error, or says it is
 * readable while nothing is there to read (end of file). Asked only after get_wch returned
 * without a key, so a key arriving just now reads as data, not as the end. */
static inline int cn_input_gone(void) {
    struct pollfd p;
    p.fd = STDIN_FILENO; p.events = POLLIN; p.revents = 0;
    int r = poll(&p, 1, 0);
    if (r < 0) return errno == EBADF;
    if (r == 0) return 0;
    if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) return 1;
    int n = 0;
    if ((p.revents & POLLIN) && ioctl(STDIN_FILENO, FIONREAD, &n) == 0 && n == 0) return 1;
    return 0;
}

/* SIGWINCH is noted here instead of by ncurses (which installs its own handler only where the
 * disposition is still the default): the run loop reads the new size itself and gives curses at
 * most the largest window it serves, so a client announcing 10000x10000 cannot make curses
 * allocate screens of that size (issue 22). No SA_RESTART: the wait for a key is cut short. */
static void cn_on_winch(int sig) { (void)sig; cn_st()->winch = 1; }

/* True (once) when the window size changed since last asked. */
static inline int cn_take_winch(void) {
    if (!cn_st()->winch) return 0;
    cn_st()->winch = 0;
    return 1;
}

/* The size the terminal reports (rows, cols); 0 when it reports none. */
static inline int cn_reported_size(int *rows, int *cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return 0;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 1;
}

/* The signal that asks the session to end (0: none). */
static inline int cn_hangup_signal(void) { return cn_st()->hangup_sig; }

/* Called before initscr: saves the modes, starts capturing stderr, installs the handlers. */
static inline void cn_guard_terminal(const char *demo_path) {
    if (tcgetattr(STDIN_FILENO, &cn_saved_modes) == 0) cn_have_modes = 1;
    cn_demo_path[0] = 0;
    if (demo_path != NULL && strlen(demo_path) < sizeof cn_demo_path) strcpy(cn_demo_path, demo_path);
    char name[] = "/tmp/sociaalhus-stderr-XXXXXX";
    int fd = mkstemp(name);
    if (fd >= 0) {
        unlink(name);
        cn_saved_stderr = dup(2);
        if (cn_saved_stderr >= 0 && dup2(fd, 2) >= 0) cn_capture = fd; else close(fd);
    }
    int sigs[] = { SIGHUP, SIGTERM, SIGQUIT, SIGILL, SIGTRAP, SIGSEGV, SIGABRT, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = (sigs[i] == SIGHUP || sigs[i] == SIGTERM) ? cn_on_hangup : cn_on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
    struct sigaction winch_action;
    memset(&winch_action, 0, sizeof winch_action);
    winch_action.sa_handler = cn_on_winch;
    sigemptyset(&winch_action.sa_mask);
    sigaction(SIGWINCH, &winch_action, NULL);
    struct sigaction alarm_action;
    memset(&alarm_action, 0, sizeof alarm_action);
    alarm_action.sa_handler = cn_on_alarm;
    sigemptyset(&alarm_action.sa_mask);
    sigaction(SIGALRM, &alarm_action, NULL);
}

/* Starts curses on stdout/stdin. Unlike initscr, which prints and exits when the terminal type
 * is unknown (leaving the demo store and hiding its message in the captured stderr), newterm
 * returns NULL: the caller says what is wrong and cleans up. */
static inline int cn_start(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) return 0;
    set_term(screen);
    return 1;
}

/* Called after endwin on a normal end: stderr back, anything written meanwhile shown. */
static inline void cn_release_terminal(void) { alarm(0); cn_flush_captured(); }

/* The demo store is gone or kept by the caller: forget its path. */
static inline void cn_forget_demo(void) { cn_demo_path[0] = 0; }
#endif

#ifndef DYAD_CNCURSESW_SHIM_H
#define DYAD_CNCURSESW_SHIM_H
/* The one header through which Swift sees ncursesw (wide-character build).
   Only the NcursesTerminal module imports it. Swift cannot import macros
   that are expressions, nor C globals under strict concurrency, so the
   static inline wrappers below expose them as functions. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <pthread.h>
#include <string.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Not visible through Glibc in Swift. */
extern int wcwidth(wchar_t);
extern int wcswidth(const wchar_t *, size_t);

/* Globals. */
static inline WINDOW *dyad_stdscr(void) { return stdscr; }
static inline FILE *dyad_stdin(void) { return stdin; }
static inline FILE *dyad_stdout(void) { return stdout; }
static inline FILE *dyad_stderr(void) { return stderr; }
static inline TERMINAL *dyad_cur_term(void) { return cur_term; }
static inline int dyad_lines(void) { return LINES; }
static inline int dyad_cols(void) { return COLS; }
static inline int dyad_colors(void) { return COLORS; }
static inline int dyad_color_pairs(void) { return COLOR_PAIRS; }

/* Window geometry (getmaxyx is a macro). */
static inline int dyad_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int dyad_getmaxx(WINDOW *w) { return getmaxx(w); }

/* Attribute macros. */
static inline attr_t dyad_a_normal(void) { return A_NORMAL; }
static inline attr_t dyad_a_bold(void) { return A_BOLD; }
static inline attr_t dyad_a_dim(void) { return A_DIM; }
static inline attr_t dyad_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dyad_a_reverse(void) { return A_REVERSE; }
static inline attr_t dyad_a_italic(void) { return A_ITALIC; }
static inline attr_t dyad_a_color_mask(void) { return A_COLOR; }

/* Function key codes (KEY_F(n) is a macro). */
static inline int dyad_key_f(int n) { return KEY_F(n); }

/* Box-drawing characters (WACS_* expand to an array element). */
static inline const cchar_t *dyad_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *dyad_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *dyad_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *dyad_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *dyad_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *dyad_wacs_lrcorner(void) { return WACS_LRCORNER; }

/* True when the loaded terminfo entry has the string capability `name`. */
static inline int dyad_has_string_cap(const char *name) {
    char *s = tigetstr(name);
    return s != NULL && s != (char *)-1;
}

/* Signals. A handler that only records the signal number; installed
   without SA_RESTART so a blocking read returns EINTR. The slot and the
   saved previous actions live in function-local statics, and every Swift
   file that calls these gets its own copy of them: call them from one
   Swift file only (NcursesBackend.swift). */
static inline volatile sig_atomic_t *dyad_signal_slot(void) {
    static volatile sig_atomic_t slot = 0;
    return &slot;
}
static void dyad_record_signal(int sig) { *dyad_signal_slot() = sig; }
static inline struct sigaction *dyad_saved_actions(void) {
    static struct sigaction saved[3];
    return saved;
}
static inline sigset_t *dyad_saved_mask(void) {
    static sigset_t mask;
    return &mask;
}
static inline int *dyad_saved_flag(void) {
    static int installed = 0;
    return &installed;
}
static inline int dyad_signal_index(int sig) {
    return sig == SIGINT ? 0 : sig == SIGTERM ? 1 : sig == SIGHUP ? 2 : -1;
}
/* Installs the flag handler for SIGINT, SIGTERM and SIGHUP, saving the old
   actions, and unblocks them in the calling thread (the one that reads keys,
   so its read is the one interrupted). */
static inline int dyad_install_signal_flags(void) {
    if (*dyad_saved_flag()) return 0;
    int signals[3] = { SIGINT, SIGTERM, SIGHUP };
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = dyad_record_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    for (int i = 0; i < 3; i++) {
        if (sigaction(signals[i], &sa, &dyad_saved_actions()[dyad_signal_index(signals[i])]) != 0) return -1;
    }
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < 3; i++) sigaddset(&set, signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &set, dyad_saved_mask());
    *dyad_saved_flag() = 1;
    return 0;
}
/* Puts back the actions saved by dyad_install_signal_flags. */
static inline void dyad_restore_signal_flags(void) {
    if (!*dyad_saved_flag()) return;
    int signals[3] = { SIGINT, SIGTERM, SIGHUP };
    for (int i = 0; i < 3; i++) sigaction(signals[i], &dyad_saved_actions()[i], NULL);
    pthread_sigmask(SIG_SETMASK, dyad_saved_mask(), NULL);
    *dyad_saved_flag() = 0;
}
/* The last recorded signal (0: none), left in place. */
static inline int dyad_peek_signal(void) { return (int)*dyad_signal_slot(); }
/* Sets the recorded signal (0 clears it). */
static inline void dyad_set_signal(int sig) { *dyad_signal_slot() = sig; }

#endif

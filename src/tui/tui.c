/*
 * tui.c - the browser's terminal loop: read a key, let the ui act on it,
 * redraw once per pass what the action says it changed.  Curses set-up,
 * key and mouse translation, and opening URIs (fork and exec, never a
 * shell) live here.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clipboard.h"
#include "fatal.h"
#include "history.h"
#include "keys.h"
#include "layout.h"
#include "registry.h"
#include "screen.h"
#include "tui.h"
#include "ui.h"
#include "xmalloc.h"

static volatile sig_atomic_t	 tui_signalled;

/* fatal()'s hook while curses owns the terminal: give it back first. */
static void
tui_fatal_cleanup(void)
{
	if (!isendwin())
		endwin();
}

static void
tui_signal(int sig)
{
	tui_signalled = sig;
}

/* A curses key (from wget_wch) as a keys.h key code, or -1. */
static int
tui_keyc(int r, wint_t wc)
{
	if (r == KEY_CODE_YES) {
		switch (wc) {
		case KEY_DOWN:
			return KEYC_DOWN;
		case KEY_UP:
			return KEYC_UP;
		case KEY_LEFT:
			return KEYC_LEFT;
		case KEY_RIGHT:
			return KEYC_RIGHT;
		case KEY_NPAGE:
			return KEYC_PGDN;
		case KEY_PPAGE:
			return KEYC_PGUP;
		case KEY_HOME:
		case KEY_FIND:
		case KEY_A1:
			return KEYC_HOME;
		case KEY_END:
		case KEY_SELECT:
		case KEY_C1:
			return KEYC_END;
		case KEY_ENTER:
			return KEYC_ENTER;
		case KEY_BTAB:
			return KEYC_BTAB;
		case KEY_BACKSPACE:
			return KEYC_BSPACE;
		case KEY_DC:
			return KEYC_DC;
		case KEY_F(1):
			return KEYC_F1;
		default:
			return -1;
		}
	}
	switch (wc) {
	case '\r':
	case '\n':
		return KEYC_ENTER;
	case '\t':
		return KEYC_TAB;
	case 0x1b:
		return KEYC_ESC;
	case 0x7f:
	case 0x08:
		return KEYC_BSPACE;
	default:
		return (int)wc;
	}
}

/* A mouse event for the ui; returns its UI_ bits. */
static int
tui_mouse(struct ui *ui, const struct layout *l)
{
	MEVENT	 ev;
	int	 pane, row, r;

	if (getmouse(&ev) != OK)
		return UI_NONE;
	if (ev.bstate & (BUTTON1_PRESSED|BUTTON1_CLICKED) &&
	    (r = ui_minimap_click(ui, ev.y, ev.x)) >= 0)
		return r;
	pane = layout_hit(l, ev.y, ev.x, &row);
	if (ev.bstate & BUTTON4_PRESSED)
		return ui_wheel(ui, pane, -1);
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return ui_wheel(ui, pane, 1);
#endif
	if (ev.bstate & (BUTTON1_PRESSED|BUTTON1_CLICKED))
		return ui_click(ui, pane, row);
	return UI_NONE;
}

/* Set while curses owns the terminal: tui_open then gives it up to a
   browser in $BROWSER and takes it back after. */
static int	 tui_screen;

/*
 * The words of one $BROWSER entry (s[0..len)), split at blanks with no
 * shell and no quoting, as xdg-utils does; "%s" in a word becomes uri,
 * and without any "%s" uri is the last word.  NULL-terminated; free each
 * word and the array.
 */
static char **
tui_browser_argv(const char *s, size_t len, const char *uri)
{
	char		**argv = NULL;
	const char	 *w, *end = s + len, *p;
	size_t		  n = 0, k;
	int		  subst = 0;
	struct buf	  b;

	for (;;) {
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		if (s == end)
			break;
		for (w = s; s < end && *s != ' ' && *s != '\t'; s++)
			;
		memset(&b, 0, sizeof b);
		for (p = w; p < s; p += k) {
			if (s - p >= 2 && p[0] == '%' && p[1] == 's') {
				buf_adds(&b, uri);
				subst = 1;
				k = 2;
			} else {
				buf_addc(&b, *p);
				k = 1;
			}
		}
		argv = xreallocarray(argv, n + 3, sizeof *argv);
		argv[n++] = buf_detach(&b);
	}
	if (n == 0)
		return NULL;
	if (!subst)
		argv[n++] = xstrdup(uri);
	argv[n] = NULL;
	return argv;
}

static void
tui_argv_free(char **argv)
{
	size_t	 i;

	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

/*
 * Run argv by fork and execvp.  A $BROWSER command runs in the
 * foreground on the terminal (a terminal browser needs it: curses gives
 * it up first); xdg-open runs detached, its output to /dev/null.
 * Returns 0 when it ran and, in the foreground, exited 0; else the
 * errno of the exec, or -1.
 */
static int
tui_spawn(char **argv, int foreground)
{
	pid_t	 pid, pid2;
	int	 fds[2], fd, st, err = 0;

	if (pipe(fds) != 0)
		return errno;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	if (foreground && tui_screen)
		endwin();
	if ((pid = fork()) == -1) {
		err = errno;
		close(fds[0]);
		close(fds[1]);
		return err;
	}
	if (pid == 0) {
		close(fds[0]);
		if (!foreground) {
			if ((pid2 = fork()) != 0)
				_exit(pid2 == -1 ? 1 : 0);
			setsid();
			if ((fd = open("/dev/null", O_RDWR)) != -1) {
				dup2(fd, 0);
				dup2(fd, 1);
				dup2(fd, 2);
				if (fd > 2)
					close(fd);
			}
		}
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		execvp(argv[0], argv);
		err = errno;
		if (write(fds[1], &err, sizeof err) < 0)
			_exit(127);
		_exit(127);
	}
	close(fds[1]);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		;
	if (tui_signalled == SIGINT)	/* Ctrl-C was the browser's */
		tui_signalled = 0;
	if (foreground && tui_screen) {
		reset_prog_mode();
		clearok(curscr, TRUE);
		refresh();
	}
	while (read(fds[0], &err, sizeof err) == -1 && errno == EINTR)
		;
	close(fds[0]);
	if (err != 0)
		return err;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	return 0;
}

/*
 * Open uri with $BROWSER, as xdg-utils reads it: a ':'-separated list of
 * commands, each split into words (no shell), "%s" replaced by uri (else
 * uri appended), tried in turn until one runs and exits 0.  Without
 * $BROWSER, xdg-open, detached.  Returns NULL or why it failed (static).
 */
const char *
tui_open(const char *uri)
{
	static char	 why[512];
	const char	*env = getenv("BROWSER"), *s;
	char		*xdg[] = { "xdg-open", (char *)uri, NULL };
	char		**argv;
	size_t		 n;
	int		 err;

	if (env == NULL || *env == '\0') {
		if ((err = tui_spawn(xdg, 0)) == 0)
			return NULL;
		snprintf(why, sizeof why, "xdg-open: %s", err > 0 ?
		    strerror(err) : "failed");
		return why;
	}
	snprintf(why, sizeof why, "$BROWSER names no command");
	for (s = env; *s != '\0'; s += n + (s[n] == ':')) {
		n = strcspn(s, ":");
		if ((argv = tui_browser_argv(s, n, uri)) == NULL)
			continue;
		err = tui_spawn(argv, 1);
		if (err == 0) {
			tui_argv_free(argv);
			return NULL;
		}
		snprintf(why, sizeof why, "%.200s: %s", argv[0], err > 0 ?
		    strerror(err) : "failed");
		tui_argv_free(argv);
	}
	return why;
}

int
tui_run(struct registry *reg)
{
	return tui_run_setup(reg, NULL, NULL);
}

int
tui_run_setup(struct registry *reg, tui_setup_fn *setup, void *arg)
{
	struct sigaction	 sa, old_int, old_term, old_hup;
	struct layout		 l;
	const struct layout	*lay;
	struct ui		*ui;
	SCREEN			*scr;
	FILE			*tty;
	wint_t			 wc;
	int			 r, keyc, res, rows = -1, cols = -1, status = 0;
	int			 what = UI_DRAW_ALL;
	int			 errs = 0, idle_done = 0;
	const char		*why;
	char			*path, *err = NULL;
	struct history		*hist;
	const char		*ctype = setlocale(LC_CTYPE, NULL);

	if (ctype == NULL || strcmp(ctype, "C") == 0)
		setlocale(LC_ALL, "");
	/* The registry may have come on standard input (-f -): then the
	   keys come from the terminal itself. */
	tty = stdin;
	if (!isatty(STDIN_FILENO) && (tty = fopen("/dev/tty", "r")) == NULL) {
		fprintf(stderr, "portreg: no terminal to read keys from: %s\n",
		    strerror(errno));
		return 2;
	}
	if ((scr = newterm(NULL, stdout, tty)) == NULL) {
		fprintf(stderr, "portreg: cannot use this terminal (TERM=%s)\n",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		if (tty != stdin)
			fclose(tty);
		return 2;
	}
	set_term(scr);
	tui_screen = 1;
	fatal_set_cleanup(tui_fatal_cleanup);
	ui = ui_new(reg);
	if (setup != NULL)
		setup(ui, arg);
	/* The prompts' history, kept across runs (history.h). */
	path = history_default_path();
	hist = history_new(path);
	free(path);
	if (history_load(hist, &err) != 0) {
		ui_message(ui, 1, "%s", err);
		free(err);
	}
	ui_set_history(ui, hist);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mousemask(BUTTON1_PRESSED|BUTTON1_CLICKED|BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    |BUTTON5_PRESSED
#endif
	    , NULL);
	mouseinterval(0);
	draw_init();

	tui_signalled = 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);

	for (;;) {
		/* The one place a new size is taken in. */
		if (LINES != rows || COLS != cols) {
			rows = LINES;
			cols = COLS;
			layout_compute(&l, rows, cols);
			ui_resize(ui, &l);
			what = UI_DRAW_ALL;
		}
		lay = ui_layout(ui);
		/* Redraw only what the last key or click changed. */
		if (what != UI_NONE) {
			screen_draw(ui, lay, what);
			refresh();
		}
		what = UI_NONE;
		/* The first screen is up: now what a search needs. */
		ui_prepare(ui);
		/* What the first screen need not wait for, once it shows. */
		if (!idle_done) {
			idle_done = 1;
			if ((what = ui_idle(ui)) != UI_NONE)
				continue;
		}

		r = get_wch(&wc);
		if (tui_signalled)
			break;
		if (r == ERR) {
			/* Input closed: do not spin. */
			if (++errs > 1000) {
				status = 2;
				break;
			}
			continue;
		}
		errs = 0;
		if (r == KEY_CODE_YES && wc == KEY_RESIZE)
			continue;
		if (r == KEY_CODE_YES && wc == KEY_MOUSE) {
			if (!lay->too_small)
				what = tui_mouse(ui, lay);
			continue;
		}
		if ((keyc = tui_keyc(r, wc)) < 0)
			continue;
		if (lay->too_small && keyc != 'q' && keyc != KEYC_CTRL('C'))
			continue;
		res = ui_key(ui, keyc);
		if (res & UI_COPY) {
			refresh();
			why = NULL;
			ui_copied(ui, clip_copy(stdout, ui->copy_text, &why),
			    why);
			res |= UI_DRAW_STATUS;
		}
		if (res & UI_OPEN) {
			ui_opened(ui, tui_open(ui->open_uri));
			res |= UI_DRAW_ALL;	/* a browser may have drawn */
		}
		if (res & UI_QUIT)
			break;
		what = res & UI_DRAW_ALL;
	}
	if (tui_signalled != 0 && tui_signalled != SIGINT)
		status = 128 + tui_signalled;

	fatal_set_cleanup(NULL);
	endwin();
	tui_screen = 0;
	delscreen(scr);
	if (tty != stdin)
		fclose(tty);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	ui_free(ui);
	return status;
}

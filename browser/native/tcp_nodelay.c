/*
 * LD_PRELOAD shim for firefox-esr driven over WebDriver BiDi: sets TCP_NODELAY on every TCP
 * connection Firefox accepts.
 *
 * Firefox's Remote Agent (the BiDi WebSocket server) leaves Nagle's algorithm on. Playwright
 * pipelines commands (a script.disown, then the next script.callFunction), so Firefox often
 * writes a second small reply before the first is acknowledged; Nagle then holds it until the
 * driver's delayed ACK fires, 40 ms later on Linux. With TCP_NODELAY the reply leaves at once.
 * Only accepted TCP sockets are touched; everything else passes through unchanged.
 *
 * Build: cc -O2 -shared -fPIC -o libjcjy_tcp_nodelay.so tcp_nodelay.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

typedef int (*accept_fn)(int, struct sockaddr *, socklen_t *);
typedef int (*accept4_fn)(int, struct sockaddr *, socklen_t *, int);

static void set_nodelay(int fd) {
    struct sockaddr_storage local;
    socklen_t len = sizeof local;
    int one = 1;
    if (fd < 0 || getsockname(fd, (struct sockaddr *)&local, &len) != 0) return;
    if (local.ss_family == AF_INET || local.ss_family == AF_INET6)
        (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

int accept(int fd, struct sockaddr *addr, socklen_t *len) {
    static accept_fn real;
    if (!real) real = (accept_fn)dlsym(RTLD_NEXT, "accept");
    int client = real(fd, addr, len);
    set_nodelay(client);
    return client;
}

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
    static accept4_fn real;
    if (!real) real = (accept4_fn)dlsym(RTLD_NEXT, "accept4");
    int client = real(fd, addr, len, flags);
    set_nodelay(client);
    return client;
}

// Declaration-only stand-in for the parts of c-ares' <ares.h> that libcoro's
// resolver uses, so the extract parses without libc-ares-dev. Not c-ares code.
#pragma once
#include <sys/socket.h>
typedef int ares_socket_t;
typedef struct ares_channeldata *ares_channel;
#define ARES_SOCKET_BAD -1
#define ARES_LIB_INIT_ALL 1
#define ARES_OPT_SOCK_STATE_CB (1 << 9)
typedef enum { ARES_SUCCESS = 0 } ares_status_t;
typedef void (*ares_sock_state_cb)(void *data, ares_socket_t socket_fd,
                                   int readable, int writable);
struct ares_options {
  ares_sock_state_cb sock_state_cb;
  void *sock_state_cb_data;
};
struct ares_addrinfo_node {
  int ai_ttl;
  int ai_flags;
  int ai_family;
  int ai_socktype;
  int ai_protocol;
  socklen_t ai_addrlen;
  struct sockaddr *ai_addr;
  struct ares_addrinfo_node *ai_next;
};
struct ares_addrinfo {
  struct ares_addrinfo_cname *cnames;
  struct ares_addrinfo_node *nodes;
  char *name;
};
struct ares_addrinfo_hints {
  int ai_flags;
  int ai_family;
  int ai_socktype;
  int ai_protocol;
};
typedef void (*ares_addrinfo_callback)(void *arg, int status, int timeouts,
                                       struct ares_addrinfo *result);
extern "C" {
int ares_library_init(int flags);
void ares_library_cleanup(void);
int ares_init_options(ares_channel *channelptr, struct ares_options *options,
                      int optmask);
void ares_destroy(ares_channel channel);
const char *ares_strerror(int code);
void ares_getaddrinfo(ares_channel channel, const char *node,
                      const char *service,
                      const struct ares_addrinfo_hints *hints,
                      ares_addrinfo_callback callback, void *arg);
void ares_freeaddrinfo(struct ares_addrinfo *ai);
void ares_process_fd(ares_channel channel, ares_socket_t read_fd,
                     ares_socket_t write_fd);
}

# Shared by the benchmark scripts (sourced, not run).

# A port free on 127.0.0.1 at the moment of asking.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wrk and nginx from Debian, installed when missing (as root).
need_wrk_and_nginx() {
  command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null; }
}

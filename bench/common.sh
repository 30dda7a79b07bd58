# Shared by the benchmark scripts (sourced, not run).

# A port free on 127.0.0.1 at the moment of asking.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wrk and nginx from Debian, installed when missing (as root), with nginx's module serving precompressed .br files where Debian
# has it (libnginx-mod-http-brotli-static).
need_wrk_and_nginx() {
  command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null; }
  [ -f "$brotli_module" ] || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnginx-mod-http-brotli-static >/dev/null 2>&1 || true; }
}
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so

# nginx.conf lines that load the Brotli module (top level) and serve FILE.br and FILE.gz beside FILE (http level).
nginx_load_brotli() { [ -f "$brotli_module" ] && echo "load_module $brotli_module;" || true; }
nginx_precompressed() { echo "gzip_static on; gzip_vary on;"; [ -f "$brotli_module" ] && echo "brotli_static on;" || true; }

# nginx.conf lines (server or location level) that have nginx send the headers of URL's answer that it does not send of its own:
# the security and CORS headers and the cache life. The two servers' answers are then alike but for Date, Server and the entity
# tag's form, so a comparison of reads compares serving the same answer. NGINX_HEADERS=bare: the cache life only (the comparison
# before 6 Dec 2026, nginx's answer some 400 bytes shorter).
nginx_same_headers() {
  local names='content-security-policy|x-content-type-options|referrer-policy|access-control-allow-origin|access-control-expose-headers|cache-control'
  [ "${NGINX_HEADERS:-same}" = bare ] && names='cache-control'
  curl -sf -o /dev/null -D - -H 'Accept-Encoding: gzip, br' "$1" | tr -d '\r' |
    awk -F': ' -v names="^($names)\$" 'tolower($1) ~ names { printf "add_header %s \"%s\" always;\n", $1, $2 }'
}

# Saves the answer of URL to FILE, and beside it FILE.gz and FILE.br as the server sends them to a browser (the same bytes).
save_with_codings() {
  curl -sf "$1" > "$2"
  curl -sf -H 'Accept-Encoding: gzip' "$1" > "$2.gz"
  [ -f "$brotli_module" ] && curl -sf -H 'Accept-Encoding: br' "$1" > "$2.br" || true
}

# With PIN=1, reads are timed with each server held to core 1 and wrk to core 0 (taskset): each server then has one whole core of
# its own, so the two are compared on the same processor rather than on how the scheduler shares both cores with wrk that run.
# load_on prefixes wrk; server_on prefixes a server's start; pin_server PID holds a running one (every thread) to its core.
if [ -n "${PIN:-}" ]; then load_on="taskset -c 0"; server_on="taskset -c 1"; else load_on=""; server_on=""; fi
pin_server() { [ -z "${PIN:-}" ] || taskset -a -p -c 1 "$1" >/dev/null; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# wrk -t2 -c64 -d10s against URL, with the request header HEADER when given; prints requests per second, and fails when any
# answer was not 2xx or 3xx (a read limit left on would measure its 429s). With a process id PID, prints after the rate that
# process's processor time (user + system, from /proc) per request, in microseconds: on a shared machine it compares builds
# where the rate cannot.
wrk_rate() {
  local out before after
  [ -n "${3:-}" ] && before=$(cpu_ticks "$3")
  out=$($load_on wrk -t2 -c64 -d10s ${2:+-H "$2"} "$1")
  [ -n "${3:-}" ] && after=$(cpu_ticks "$3")
  if grep -q 'Non-2xx' <<<"$out"; then echo "wrk $1: $(grep 'Non-2xx' <<<"$out")" >&2; return 1; fi
  local rate; rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  if [ -n "${3:-}" ]; then
    local count; count=$(awk '/requests in/ {print $1}' <<<"$out")
    echo "$rate $(python3 -c "print(round(($after - $before) * 1e6 / $(getconf CLK_TCK) / $count, 1))")"
  else
    echo "$rate"
  fi
}

# Waits until PID has used under 5% of a core for a whole second (at most 120 s), and says how long that took: after a burst of
# protocols the server still writes and compresses its last snapshots, and reads timed meanwhile share the cores with that work.
settle() {
  local start=$SECONDS before after
  while [ $((SECONDS - start)) -lt 120 ]; do
    before=$(cpu_ticks "$1"); sleep 1; after=$(cpu_ticks "$1")
    [ $(((after - before) * 20)) -lt "$(getconf CLK_TCK)" ] && break
  done
  echo "  (the server settled $((SECONDS - start)) s after the load: under 5% of a core for a second)"
}

# The processor time (user + system) PID has used, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# The coding and length of URL's answer to a browser's Accept-Encoding, to show that both servers send the same form.
coded_as() { curl -sf -o /dev/null -D - -H 'Accept-Encoding: gzip, br' "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding" {e=$2} tolower($1)=="content-length" {l=$2} /^$/ {h=n} {n+=length($0)+2} END {print (e?e:"identity") ", " l " bytes (headers " h " bytes)"}'; }

# Reads of SANOO_URL against NGINX_URL, RUNS runs each, first without Accept-Encoding, then as a browser asks (gzip, br):
# every run, then the medians and their ratio, and the median of the runs' own ratios (each run times the two back to back, so
# its ratio is the figure a drifting machine moves least); with SANOO_PID, also the server's processor time per request (median).
compare_reads() {
  local label=$1 sanoo=$2 nginx=$3 runs=$4 pid=${5:-} header
  [ -n "$pid" ] && settle "$pid"
  [ -n "$pid" ] && pin_server "$pid"
  [ -n "${PIN:-}" ] && echo "  (PIN: each server on core 1 alone, wrk on core 0)"
  for header in "" "Accept-Encoding: gzip, br"; do
    local s_all="" n_all="" c_all="" r_all="" s n c
    [ -n "$header" ] && echo "  $label, $header: sanoo sends $(coded_as "$sanoo"), nginx $(coded_as "$nginx")"
    # Not timed: both answer for 3 s first, so the server's read path runs compiled at its optimized tier, as on a server that
    # has been read all night (the first timed run was otherwise 0.5-0.7 of the later ones, nginx's too).
    $load_on wrk -t2 -c64 -d3s ${header:+-H "$header"} "$sanoo" >/dev/null; $load_on wrk -t2 -c64 -d3s ${header:+-H "$header"} "$nginx" >/dev/null
    for run in $(seq "$runs"); do
      read -r s c <<<"$(wrk_rate "$sanoo" "$header" "$pid")"; n=$(wrk_rate "$nginx" "$header")
      s_all="$s_all $s"; n_all="$n_all $n"; c_all="$c_all ${c:-}"; r_all="$r_all $(python3 -c "print($s/$n)")"
      echo "  $label ${header:-no Accept-Encoding} run $run: sanoo $s req/s${c:+ ($c µs of server processor each)}, nginx $n req/s," \
        "ratio $(python3 -c "print(round($s/$n, 2))")"
    done
    s=$(echo $s_all | tr ' ' '\n' | median); n=$(echo $n_all | tr ' ' '\n' | median)
    [ -n "$pid" ] && c=$(echo $c_all | tr ' ' '\n' | median)
    echo "  $label ${header:-no Accept-Encoding} median: sanoo $s req/s${pid:+ ($c µs of server processor each)}, nginx $n req/s," \
      "ratio $(python3 -c "print(round($s/$n, 2))") (median of the runs' ratios: $(echo $r_all | tr ' ' '\n' | median | xargs printf '%.2f'))"
  done
}

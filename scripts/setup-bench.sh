#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for cluster_brand in one command:
# MariaDB, Redis, wkhtmltopdf and CJK fonts, frappe-bench, a Frappe v15 bench, a site, this app and the demo.
#
#   scripts/setup-bench.sh                        # Frappe from upstream (github.com/frappe/frappe, version-15)
#   FRAPPE_PATH=/srv/frappe scripts/setup-bench.sh  # air-gapped: Frappe from a local git checkout
#
# Variables (defaults in brackets): BENCH_DIR [$HOME/frappe-bench], SITE [cluster-brand.localhost],
# ADMIN_PASSWORD [admin], DB_ROOT_PASSWORD [root], FRAPPE_PATH [upstream], FRAPPE_BRANCH [version-15].
# Run it as a user with sudo, or as root.
set -euo pipefail

APP_DIR=$(cd "$(dirname "$0")/.." && pwd -P)  # physical: compared with readlink -f below
BENCH_DIR=${BENCH_DIR:-$HOME/frappe-bench}
SITE=${SITE:-cluster-brand.localhost}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}
DB_ROOT_PASSWORD=${DB_ROOT_PASSWORD:-root}
FRAPPE_PATH=${FRAPPE_PATH:-https://github.com/frappe/frappe}
FRAPPE_BRANCH=${FRAPPE_BRANCH:-version-15}
SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)

echo "== system packages"
$SUDO apt-get update -q
$SUDO apt-get install -y -q git python3-venv python3-dev pkg-config libmariadb-dev mariadb-server mariadb-client \
	redis-server wkhtmltopdf fonts-noto-cjk xfonts-75dpi xfonts-base poppler-utils cron chromium
# Frappe v15 needs Node 18+; keep a Node that is already there (its npm may conflict with Debian's).
command -v node >/dev/null || $SUDO apt-get install -y -q nodejs npm
command -v yarn >/dev/null || $SUDO npm install -g yarn

echo "== MariaDB for Frappe (utf8mb4)"
printf '[mysqld]\ncharacter-set-server = utf8mb4\ncollation-server = utf8mb4_unicode_ci\n\n[mysql]\ndefault-character-set = utf8mb4\n' |
	$SUDO tee /etc/mysql/mariadb.conf.d/99-frappe.cnf >/dev/null
$SUDO service mariadb restart
$SUDO mysql -uroot -e "ALTER USER root@localhost IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('$DB_ROOT_PASSWORD'); FLUSH PRIVILEGES;" ||
	$SUDO mysql -uroot -p"$DB_ROOT_PASSWORD" -e "SELECT 1" >/dev/null

echo "== frappe-bench"
python3 -m venv "$HOME/.bench-cli"
"$HOME/.bench-cli/bin/pip" install -q frappe-bench "setuptools<81"  # Frappe v15 still imports pkg_resources
# bench on the PATH of every shell (bench start runs "bench serve", "bench worker" … through it); bench finds
# its honcho next to the link's target.
$SUDO ln -sfn "$HOME/.bench-cli/bin/bench" /usr/local/bin/bench
export PATH="$HOME/.bench-cli/bin:$PATH"

if [ ! -d "$BENCH_DIR/apps/frappe" ]; then
	echo "== bench init ($FRAPPE_PATH, $FRAPPE_BRANCH)"
	launch=$(mktemp -d)
	if [ "$(id -u)" -eq 0 ]; then
		# bench refuses root unless the config it reads from the working folder names root as frappe_user.
		mkdir -p "$launch/sites" && echo '{"frappe_user": "root"}' >"$launch/sites/common_site_config.json"
	fi
	(cd "$launch" && bench init "$BENCH_DIR" --frappe-path "$FRAPPE_PATH" --frappe-branch "$FRAPPE_BRANCH")
	[ "$(id -u)" -eq 0 ] && (cd "$BENCH_DIR" && bench config set-common-config -c frappe_user root)
	"$BENCH_DIR/env/bin/pip" install -q "setuptools<81"
	# the browser tier drives Debian's Chromium (above) with Playwright; it downloads no browser of its own
	"$BENCH_DIR/env/bin/pip" install -q playwright
fi
cd "$BENCH_DIR"
# bench's own Redis configuration and a Procfile with the Redis servers: "bench start" brings up everything.
# (A bench made by an earlier version of this script had neither.)
[ -f config/redis_cache.conf ] && [ -f config/redis_queue.conf ] || bench setup redis
if ! grep -q '^redis_cache:' Procfile 2>/dev/null; then
	rm -f Procfile && bench setup procfile
fi
# The steps below need Redis: start the bench's servers for them, and stop them at the end so that
# "bench start" can start them (it stops everything when one of its processes cannot start).
started_redis=()
stop_started_redis() {
	for port in ${started_redis[@]+"${started_redis[@]}"}; do
		redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
	done
}
trap stop_started_redis EXIT
for conf in config/redis_cache.conf config/redis_queue.conf; do
	port=$(awk '$1 == "port" {print $2}' "$conf")
	if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
		redis-server "$conf" --daemonize yes >/dev/null && started_redis+=("$port")
		for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.2; done
	fi
done

echo "== site $SITE with cluster_brand and the demo"
# wkhtmltopdf loads the print CSS from the site's host name, so it must resolve.
grep -q " $SITE\$" /etc/hosts || echo "127.0.0.1 $SITE" | $SUDO tee -a /etc/hosts >/dev/null
# The bench's sites run this checkout (bin/test puts the checkout under test first on PYTHONPATH instead): a
# link in apps/ and an editable install in the bench's Python, which is what "bench get-app" does after copying.
if [ "$(readlink -f apps/cluster_brand)" != "$APP_DIR" ]; then
	if [ -e apps/cluster_brand ]; then
		aside="cluster_brand.copy-$(date +%Y%m%d%H%M%S)"  # out of apps/, where bench would take it for an app
		echo "apps/cluster_brand is a copy: moved to $aside, linking $APP_DIR instead"
		mv apps/cluster_brand "$aside"
	fi
	ln -s "$APP_DIR" apps/cluster_brand
	./env/bin/python -m pip install -q -e apps/cluster_brand
	grep -qx cluster_brand sites/apps.txt || printf '\ncluster_brand\n' >>sites/apps.txt
	sed -i '/^$/d' sites/apps.txt
fi
[ -d "sites/$SITE" ] || bench new-site "$SITE" --mariadb-root-password "$DB_ROOT_PASSWORD" --admin-password "$ADMIN_PASSWORD"
bench --site "$SITE" list-apps | grep -q cluster_brand || bench --site "$SITE" install-app cluster_brand
bench --site "$SITE" set-config host_name "http://$SITE:8000"
bench --site "$SITE" set-config allow_tests true
bench --site "$SITE" cluster-brand-demo
bench use "$SITE"
# bin/test (and so CI, which sets no variables) finds the bench here: its tier 2 makes a fresh site in it
# with MariaDB's root password, runs the tests there and drops it.
config="${XDG_CONFIG_HOME:-$HOME/.config}/cluster_brand/bench"
mkdir -p "$(dirname "$config")"
(umask 077 && printf '# written by scripts/setup-bench.sh: the bench bin/test runs tier 2 in\nCB_BENCH=%s\nCB_DB_ROOT_PASSWORD=%s\n' \
	"$(pwd)" "$DB_ROOT_PASSWORD" >"$config")  # the bench's absolute path: we are in it
echo "Done. bench is on the PATH (/usr/local/bin/bench -> $HOME/.bench-cli/bin/bench)."
echo "Start everything (Redis, web, workers): cd $BENCH_DIR && bench start   then open http://$SITE:8000"
echo "Tests: $APP_DIR/bin/test (the bench is recorded in $config; tier 2 runs on a fresh site each time;"
echo "       CB_SITE=$SITE $APP_DIR/bin/test runs it on this site instead)"

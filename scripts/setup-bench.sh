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

APP_DIR=$(cd "$(dirname "$0")/.." && pwd)
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
	redis-server wkhtmltopdf fonts-noto-cjk xfonts-75dpi xfonts-base poppler-utils cron
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
export PATH="$HOME/.bench-cli/bin:$PATH"

if [ ! -d "$BENCH_DIR/apps/frappe" ]; then
	echo "== bench init ($FRAPPE_PATH, $FRAPPE_BRANCH)"
	launch=$(mktemp -d)
	if [ "$(id -u)" -eq 0 ]; then
		# bench refuses root unless the config it reads from the working folder names root as frappe_user.
		mkdir -p "$launch/sites" && echo '{"frappe_user": "root"}' >"$launch/sites/common_site_config.json"
	fi
	(cd "$launch" && bench init "$BENCH_DIR" --frappe-path "$FRAPPE_PATH" --frappe-branch "$FRAPPE_BRANCH" --skip-redis-config-generation)
	[ "$(id -u)" -eq 0 ] && (cd "$BENCH_DIR" && bench config set-common-config -c frappe_user root)
	"$BENCH_DIR/env/bin/pip" install -q "setuptools<81"
fi
cd "$BENCH_DIR"
bench setup redis
redis-cli -p 13000 ping >/dev/null 2>&1 || redis-server config/redis_cache.conf --daemonize yes
redis-cli -p 11000 ping >/dev/null 2>&1 || redis-server config/redis_queue.conf --daemonize yes

echo "== site $SITE with cluster_brand and the demo"
# wkhtmltopdf loads the print CSS from the site's host name, so it must resolve.
grep -q " $SITE\$" /etc/hosts || echo "127.0.0.1 $SITE" | $SUDO tee -a /etc/hosts >/dev/null
[ -d "apps/cluster_brand" ] || bench get-app "$APP_DIR"
[ -d "sites/$SITE" ] || bench new-site "$SITE" --mariadb-root-password "$DB_ROOT_PASSWORD" --admin-password "$ADMIN_PASSWORD"
bench --site "$SITE" list-apps | grep -q cluster_brand || bench --site "$SITE" install-app cluster_brand
bench --site "$SITE" set-config host_name "http://$SITE:8000"
bench --site "$SITE" set-config allow_tests true
bench --site "$SITE" cluster-brand-demo
bench use "$SITE"
echo "Done. Start the server with: cd $BENCH_DIR && bench start   then open http://$SITE:8000"

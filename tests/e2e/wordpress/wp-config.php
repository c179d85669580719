<?php
/**
 * The wp-config.php of the test's own WordPress (tests/e2e/wordpress.test.mjs), not Debian's
 * /etc/wordpress: the test copies this file into its temporary site folder and passes the
 * rest through the environment of the PHP processes it starts.
 *   CE_WP_ROOT     the site folder: this file, wp-content/ and links to /usr/share/wordpress/*
 *   CE_WP_URL      the site's address, http://127.0.0.1:<port>
 *   CE_WP_SOCKET   the test's MariaDB socket (no TCP: --skip-networking)
 */
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:' . getenv( 'CE_WP_SOCKET' ) );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

// Fixed salts: a throwaway site that lives for one test run.
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $ce_key ) {
	define( $ce_key, 'commentary-embed test ' . $ce_key );
}
$table_prefix = 'wp_';

define( 'WP_HOME', getenv( 'CE_WP_URL' ) );
define( 'WP_SITEURL', getenv( 'CE_WP_URL' ) );
define( 'WP_CONTENT_DIR', rtrim( getenv( 'CE_WP_ROOT' ), '/' ) . '/wp-content' );
define( 'WP_CONTENT_URL', getenv( 'CE_WP_URL' ) . '/wp-content' );

// Nothing may reach the network on its own: no cron, no updates, no update checks.
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', rtrim( getenv( 'CE_WP_ROOT' ), '/' ) . '/debug.log' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', rtrim( getenv( 'CE_WP_ROOT' ), '/' ) . '/' );
}
require_once ABSPATH . 'wp-settings.php';

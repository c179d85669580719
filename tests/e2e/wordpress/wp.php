<?php
/**
 * Drives the test's WordPress from PHP (tests/e2e/wordpress.test.mjs), with WordPress's own API:
 *   php wp.php install                 wp_install: the site, user `admin`
 *   php wp.php run < commands.json     a JSON list of commands, answered with a JSON list:
 *     { "post": { "title": …, "content": … } }        wp_insert_post (published) -> { id, url }
 *     { "activate": "dir/file.php" }                  activate_plugin -> { active: true }
 *     { "option": [ name, value ] }                   update_option -> { ok }
 *     { "get": name }                                 get_option -> { value }
 * The environment is the server's (CE_WP_ROOT, CE_WP_URL, CE_WP_SOCKET; see wp-config.php).
 */
define( 'ABSPATH', rtrim( getenv( 'CE_WP_ROOT' ), '/' ) . '/' );
$ce_command = $argv[1] ?? '';
$ce_url     = parse_url( getenv( 'CE_WP_URL' ) );
$_SERVER['HTTP_HOST']   = $ce_url['host'] . ( isset( $ce_url['port'] ) ? ':' . $ce_url['port'] : '' );
$_SERVER['SERVER_NAME'] = $ce_url['host'];
$_SERVER['REQUEST_URI'] = '/';

if ( 'install' === $ce_command ) {
	define( 'WP_INSTALLING', true );
	require ABSPATH . 'wp-load.php';
	// No mail on this machine: the "new site" e-mail is skipped (the function is pluggable).
	function wp_new_blog_notification() {}
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$ce_result = wp_install( 'Partner blog', 'admin', 'admin@example.org', true, '', 'test-password-not-secret' );
	echo wp_json_encode( array( 'user_id' => $ce_result['user_id'] ) ), "\n";
	exit( 0 );
}

if ( 'run' !== $ce_command ) {
	fwrite( STDERR, "usage: php wp.php install | run < commands.json\n" );
	exit( 2 );
}
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_set_current_user( 1 );
$ce_answers = array();
foreach ( json_decode( stream_get_contents( STDIN ), true ) as $ce_step ) {
	if ( isset( $ce_step['post'] ) ) {
		$ce_id = wp_insert_post(
			array(
				'post_title'   => $ce_step['post']['title'],
				'post_content' => $ce_step['post']['content'],
				'post_status'  => 'publish',
				'post_author'  => 1,
			),
			true
		);
		if ( is_wp_error( $ce_id ) ) {
			fwrite( STDERR, $ce_id->get_error_message() . "\n" );
			exit( 1 );
		}
		$ce_answers[] = array( 'id' => $ce_id, 'url' => get_permalink( $ce_id ) );
	} elseif ( isset( $ce_step['activate'] ) ) {
		$ce_error = activate_plugin( $ce_step['activate'] );
		if ( is_wp_error( $ce_error ) ) {
			fwrite( STDERR, $ce_error->get_error_message() . "\n" );
			exit( 1 );
		}
		$ce_answers[] = array( 'active' => is_plugin_active( $ce_step['activate'] ) );
	} elseif ( isset( $ce_step['get'] ) ) {
		$ce_answers[] = array( 'value' => get_option( $ce_step['get'] ) );
	} elseif ( isset( $ce_step['option'] ) ) {
		$ce_answers[] = array( 'ok' => update_option( $ce_step['option'][0], $ce_step['option'][1] ) );
	}
}
echo wp_json_encode( $ce_answers ), "\n";

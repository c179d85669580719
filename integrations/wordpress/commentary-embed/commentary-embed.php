<?php
/**
 * Plugin Name:       Commentary Embed
 * Plugin URI:        https://github.com/commentary-embed/commentary-embed
 * Description:       Shows a publisher's policy commentaries in posts with the full in-page widget: pasted article URLs of the publisher and a [commentary] shortcode become the &lt;commentary-embed&gt; element.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            commentary-embed
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       commentary-embed
 *
 * Without this plugin, WordPress already embeds a pasted article URL through oEmbed, as a
 * sandboxed frame (CONTRACTS §4). With it, the partner gets the widget itself in the post: no
 * frame, the host page's width, the reader's own choices remembered. Settings → Commentary
 * Embed names the publisher's two bases; nothing is embedded until both are set.
 *
 * @package CommentaryEmbed
 */

defined( 'ABSPATH' ) || exit;

define( 'COMMENTARY_EMBED_VERSION', '0.1.0' );

/** The option names: where the publisher serves the widget (dist/) and the documents. */
const COMMENTARY_EMBED_WIDGET_BASE   = 'commentary_embed_widget_base';
const COMMENTARY_EMBED_DOCUMENT_BASE = 'commentary_embed_document_base';

/**
 * A base URL as stored: an absolute http(s) URL ending in `/`, or '' when `$value` is not one.
 *
 * @param mixed $value What the settings form (or update_option) was given.
 * @return string
 */
function commentary_embed_clean_base( $value ) {
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return '';
	}
	$url = esc_url_raw( $value, array( 'http', 'https' ) );
	if ( ! preg_match( '#^https?://[^/?\#\s]+#i', $url ) ) {
		return '';
	}
	$url = strtok( $url, '?#' );
	return trailingslashit( $url );
}

/**
 * The sanitize callback of both settings: a bad value is refused with a message, and the old
 * value stays.
 *
 * @param mixed  $value  The submitted value.
 * @param string $option The option's name.
 * @return string
 */
function commentary_embed_sanitize_base( $value, $option ) {
	$clean = commentary_embed_clean_base( $value );
	if ( '' === $clean && '' !== trim( (string) $value ) ) {
		if ( function_exists( 'add_settings_error' ) ) {
			add_settings_error(
				$option,
				$option . '-invalid',
				sprintf(
					/* translators: %s: the refused value */
					__( 'Not an http or https address: %s. The previous value was kept.', 'commentary-embed' ),
					esc_html( (string) $value )
				)
			);
		}
		return (string) get_option( $option, '' );
	}
	return $clean;
}

/** Registers the settings (on `init`, so that update_option sanitises them everywhere). */
function commentary_embed_register_settings() {
	foreach ( array( COMMENTARY_EMBED_WIDGET_BASE, COMMENTARY_EMBED_DOCUMENT_BASE ) as $option ) {
		register_setting(
			'commentary_embed',
			$option,
			array(
				'type'              => 'string',
				'default'           => '',
				'show_in_rest'      => false,
				'sanitize_callback' => function ( $value ) use ( $option ) {
					return commentary_embed_sanitize_base( $value, $option );
				},
			)
		);
	}
}
add_action( 'init', 'commentary_embed_register_settings' );

/** The two bases, or null while either is missing. */
function commentary_embed_bases() {
	$widget   = commentary_embed_clean_base( get_option( COMMENTARY_EMBED_WIDGET_BASE, '' ) );
	$document = commentary_embed_clean_base( get_option( COMMENTARY_EMBED_DOCUMENT_BASE, '' ) );
	if ( '' === $widget || '' === $document ) {
		return null;
	}
	return array(
		'widget'   => $widget,
		'document' => $document,
	);
}

// ---- The settings page ------------------------------------------------------------------

/** Settings → Commentary Embed. */
function commentary_embed_admin_menu() {
	add_options_page(
		__( 'Commentary Embed', 'commentary-embed' ),
		__( 'Commentary Embed', 'commentary-embed' ),
		'manage_options',
		'commentary-embed',
		'commentary_embed_settings_page'
	);
}
add_action( 'admin_menu', 'commentary_embed_admin_menu' );

/** The fields of the settings page. */
function commentary_embed_admin_init() {
	add_settings_section(
		'commentary_embed_bases',
		__( "The publisher's addresses", 'commentary-embed' ),
		function () {
			echo '<p>' . esc_html__( 'Both come from the publisher of the commentaries. With both set, the publisher\'s article addresses pasted alone on a line of a post, and the [commentary] shortcode, show the commentary with the full widget.', 'commentary-embed' ) . '</p>';
		},
		'commentary-embed'
	);
	$fields = array(
		COMMENTARY_EMBED_WIDGET_BASE   => array(
			__( 'Widget base', 'commentary-embed' ),
			__( 'Where the widget is served: the folder of commentary-embed.js, e.g. https://cdn.example.org/embed/', 'commentary-embed' ),
		),
		COMMENTARY_EMBED_DOCUMENT_BASE => array(
			__( 'Document base', 'commentary-embed' ),
			__( 'Where the commentaries are served: the folder of <id>.json and of the article pages <id>/<lang>/, e.g. https://cdn.example.org/c/', 'commentary-embed' ),
		),
	);
	foreach ( $fields as $option => $words ) {
		add_settings_field(
			$option,
			$words[0],
			function () use ( $option, $words ) {
				printf(
					'<input type="url" class="regular-text code" id="%1$s" name="%1$s" value="%2$s" placeholder="https://" /><p class="description">%3$s</p>',
					esc_attr( $option ),
					esc_attr( (string) get_option( $option, '' ) ),
					esc_html( $words[1] )
				);
			},
			'commentary-embed',
			'commentary_embed_bases',
			array( 'label_for' => $option )
		);
	}
}
add_action( 'admin_init', 'commentary_embed_admin_init' );

/** The settings page itself. */
function commentary_embed_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1><form action="options.php" method="post">';
	settings_fields( 'commentary_embed' );
	do_settings_sections( 'commentary-embed' );
	submit_button();
	echo '</form></div>';
}

// ---- The widget in posts ------------------------------------------------------------------

/**
 * The loader, as a module script in the footer, once per page.
 *
 * @param string $widget_base The widget base (ends in `/`).
 */
function commentary_embed_enqueue( $widget_base ) {
	if ( ! wp_script_is( 'commentary-embed', 'registered' ) ) {
		wp_register_script( 'commentary-embed', $widget_base . 'commentary-embed.js', array(), null, true );
	}
	wp_enqueue_script( 'commentary-embed' );
}

/**
 * The loader's tag as a module (WordPress 6.1 has no module API).
 *
 * @param string $tag    The tag WordPress wrote.
 * @param string $handle The script's handle.
 * @param string $src    Its URL.
 * @return string
 */
function commentary_embed_module_tag( $tag, $handle, $src ) {
	if ( 'commentary-embed' !== $handle ) {
		return $tag;
	}
	return sprintf( '<script type="module" src="%s" id="commentary-embed-js"></script>' . "\n", esc_url( $src ) );
}
add_filter( 'script_loader_tag', 'commentary_embed_module_tag', 10, 3 );

/**
 * The title of version `$lang` of commentary `$id`, from the publisher's oembed.json (cached for
 * twelve hours); false when the publisher has no such commentary (a 404), '' when it could not
 * be asked.
 *
 * @param string $document_base The document base.
 * @param string $id            The commentary id.
 * @param string $lang          The language tag.
 * @return string|false
 */
function commentary_embed_title( $document_base, $id, $lang ) {
	$url   = $document_base . rawurlencode( $id ) . '/' . rawurlencode( $lang ) . '/oembed.json';
	$key   = 'commentary_embed_' . md5( $url );
	$known = get_transient( $key );
	if ( is_array( $known ) ) {
		return $known['missing'] ? false : (string) $known['title'];
	}
	$response = wp_safe_remote_get( $url, array( 'timeout' => 5, 'limit_response_size' => 65536 ) );
	if ( is_wp_error( $response ) ) {
		return '';
	}
	$status = (int) wp_remote_retrieve_response_code( $response );
	if ( 404 === $status || 410 === $status ) {
		set_transient( $key, array( 'missing' => true, 'title' => '' ), 10 * MINUTE_IN_SECONDS );
		return false;
	}
	$data  = json_decode( (string) wp_remote_retrieve_body( $response ), true );
	$title = ( 200 === $status && is_array( $data ) && isset( $data['title'] ) && is_string( $data['title'] ) ) ? $data['title'] : '';
	if ( '' !== $title ) {
		set_transient( $key, array( 'missing' => false, 'title' => $title ), 12 * HOUR_IN_SECONDS );
	}
	return $title;
}

/**
 * The element, with a link to the article page as its fallback, every value escaped.
 *
 * @param array  $bases    The two bases.
 * @param string $src      The document's URL.
 * @param string $lang     The language tag ('' for the widget's own choice).
 * @param string $href     The fallback link's target.
 * @param string $text     The fallback link's text.
 * @param array  $extra    Further attributes (theme, share-url), already checked.
 * @return string
 */
function commentary_embed_element( $bases, $src, $lang, $href, $text, $extra = array() ) {
	commentary_embed_enqueue( $bases['widget'] );
	$attributes = sprintf( ' src="%s"', esc_url( $src ) );
	if ( '' !== $lang ) {
		$attributes .= sprintf( ' lang="%s"', esc_attr( $lang ) );
	}
	foreach ( $extra as $name => $value ) {
		$attributes .= sprintf( ' %s="%s"', esc_attr( $name ), esc_attr( $value ) );
	}
	return sprintf(
		'<commentary-embed%s><a href="%s">%s</a></commentary-embed>',
		$attributes,
		esc_url( $href ),
		esc_html( $text )
	);
}

/**
 * The embed handler of the publisher's article (and embed) page URLs:
 * `<document base><id>/<lang>/` (with or without `embed/`, a query or a fragment).
 *
 * @param array  $matches The regular expression's matches: 1 the id, 2 the language.
 * @param array  $attr    The embed's attributes.
 * @param string $url     The pasted URL.
 * @return string|false False for a commentary the publisher does not have: WordPress then
 *                      goes on as without the plugin (and shows its usual link).
 */
function commentary_embed_handler( $matches, $attr, $url ) {
	$bases = commentary_embed_bases();
	if ( null === $bases ) {
		return false;
	}
	$id    = strtolower( $matches[1] );
	$lang  = $matches[2];
	$title = commentary_embed_title( $bases['document'], $id, $lang );
	if ( false === $title ) {
		return false;
	}
	$page = $bases['document'] . $id . '/' . $lang . '/';
	return commentary_embed_element( $bases, $bases['document'] . $id . '.json', $lang, $page, '' !== $title ? $title : $url );
}

/** Registers the embed handler for the configured document base. */
function commentary_embed_register_handler() {
	$bases = commentary_embed_bases();
	if ( null === $bases ) {
		return;
	}
	$regex = '#^' . preg_quote( $bases['document'], '#' ) . '([a-z0-9-]+)/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)/(?:embed/?)?(?:[?\#].*)?$#i';
	wp_embed_register_handler( 'commentary-embed', $regex, 'commentary_embed_handler', 5 );
}
add_action( 'init', 'commentary_embed_register_handler' );

/**
 * `[commentary src="…" lang="…"]`: `src` is a document's URL, or a commentary id under the
 * document base; `lang` (optional) the version to show first; `theme` (auto, light, dark) and
 * `share-url` (canonical, page) as on the element.
 *
 * @param array|string $atts The shortcode's attributes.
 * @return string
 */
function commentary_embed_shortcode( $atts ) {
	$atts  = shortcode_atts(
		array(
			'src'       => '',
			'lang'      => '',
			'theme'     => '',
			'share-url' => '',
		),
		$atts,
		'commentary'
	);
	$bases = commentary_embed_bases();
	$src   = trim( (string) $atts['src'] );
	if ( null === $bases || '' === $src ) {
		// Nothing to show; a reader sees nothing, an editor previewing the post a hint.
		return current_user_can( 'edit_posts' ) ? '<!-- commentary-embed: set both bases in Settings → Commentary Embed, and src -->' : '';
	}
	if ( preg_match( '/^[a-z0-9-]+$/', $src ) ) {
		$src = $bases['document'] . $src . '.json';
	}
	$src  = esc_url_raw( $src, array( 'http', 'https' ) );
	$lang = preg_match( '/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/', (string) $atts['lang'] ) ? (string) $atts['lang'] : '';
	if ( '' === $src ) {
		return '';
	}
	$extra = array();
	if ( in_array( $atts['theme'], array( 'auto', 'light', 'dark' ), true ) ) {
		$extra['theme'] = $atts['theme'];
	}
	if ( in_array( $atts['share-url'], array( 'canonical', 'page' ), true ) ) {
		$extra['share-url'] = $atts['share-url'];
	}
	// The fallback: the article page beside the document, titled from the publisher's oEmbed.
	$path  = (string) wp_parse_url( $src, PHP_URL_PATH );
	$href  = $src;
	$text  = __( 'Read the commentary', 'commentary-embed' );
	if ( '.json' === substr( $path, -5 ) && '' !== $lang ) {
		$id   = basename( $path, '.json' );
		$base = substr( $src, 0, strpos( $src, $path ) ) . substr( $path, 0, -strlen( basename( $path ) ) );
		$href = $base . $id . '/' . $lang . '/';
		$title = commentary_embed_title( $base, $id, $lang );
		if ( is_string( $title ) && '' !== $title ) {
			$text = $title;
		}
	}
	return commentary_embed_element( $bases, $src, $lang, $href, $text, $extra );
}
add_shortcode( 'commentary', 'commentary_embed_shortcode' );

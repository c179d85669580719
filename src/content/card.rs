//! Link cards: `<out-dir>/<id>/<lang>/card.png`, the 1200×630 image that X, LinkedIn,
//! Telegram and the rest show for a shared article page (contract §7).
//!
//! The card holds the publisher, the title (bold, wrapped at words, shrunk until it fits in
//! four lines, else cut at a word with an ellipsis), the authors, and the series and number.
//! Text is drawn with the DejaVu Sans fonts committed under `assets/fonts/` (Latin with Turkish
//! and Azerbaijani letters, Cyrillic, Greek), never a system font, so every machine draws the
//! same card. The fonts are parsed once per run; glyphs are rasterised by `ab_glyph` straight
//! into an indexed buffer (a palette of the background and 31 shades of each ink), written as
//! an 8-bit indexed PNG with fdeflate's fastest mode: a few milliseconds per card.
//!
//! Scripts written right to left, or needing shaping (Arabic, Indic), are not laid out here:
//! their letters would come out in the wrong order or unjoined. No commentary has them yet.

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, OutlineCurve, PxScale, ScaleFont};
use ab_glyph_rasterizer::Rasterizer;

use super::commentary::describe_io;
use super::pages::{page_url, PageOptions};
use crate::domain::{byline, escape_attr, Document, Version};

/// The card's size, the one Open Graph and Twitter recommend.
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

/// The fonts, parsed on first use.
fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                regular: FontRef::try_from_slice(REGULAR).ok()?,
                bold: FontRef::try_from_slice(BOLD).ok()?,
            })
        })
        .as_ref()
}

type Rgb = [u8; 3];

const BACKGROUND: Rgb = [0xfa, 0xf8, 0xf4];
const INK: Rgb = [0x1d, 0x21, 0x25];
const MUTED: Rgb = [0x54, 0x5b, 0x63];
const ACCENT: Rgb = [0x0b, 0x53, 0x94];

const MARGIN: f32 = 80.0;
/// Sizes the title tries, largest first.
const TITLE_SIZES: [f32; 5] = [68.0, 60.0, 54.0, 48.0, 42.0];
/// The height the title's lines may take, between the publisher and the authors.
const TITLE_HEIGHT: f32 = 290.0;
const LINE_HEIGHT: f32 = 1.18;

/// How many lines of the title fit at `size`: 3 at the largest, 5 at the smallest.
fn title_lines(size: f32) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = (TITLE_HEIGHT / (size * LINE_HEIGHT)).floor() as usize;
    n.clamp(1, 5)
}

/// The colours text and rules are drawn in, by their index in [`INKS`].
#[derive(Clone, Copy)]
enum Ink {
    Text = 0,
    Muted = 1,
    Accent = 2,
}

const INKS: [Rgb; 3] = [INK, MUTED, ACCENT];
/// Coverage levels of anti-aliased text: 31 shades of each ink over the background.
const LEVELS: u8 = 31;

/// A picture being drawn, one palette index per pixel: 0 is the background, then [`LEVELS`]
/// shades of each ink. Text never overlaps other text, so "ink over background" is all the
/// blending a card needs, and an indexed PNG is a third of the RGB data to compress (the PNG
/// encoder was most of a card's time).
struct Canvas {
    pixels: Vec<u8>,
}

impl Canvas {
    fn new() -> Canvas {
        Canvas {
            pixels: vec![0; (CARD_WIDTH * CARD_HEIGHT) as usize],
        }
    }

    /// The palette: the background, then each ink's shades from faint to full.
    fn palette() -> Vec<u8> {
        let mut palette = BACKGROUND.to_vec();
        for ink in INKS {
            for level in 1..=LEVELS {
                let a = f32::from(level) / f32::from(LEVELS);
                for (bg, fg) in BACKGROUND.iter().zip(ink) {
                    let mixed = f32::from(*bg) * (1.0 - a) + f32::from(fg) * a;
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    palette.push(mixed.round() as u8);
                }
            }
        }
        palette
    }

    fn shade(ink: Ink, level: u8) -> u8 {
        1 + ink as u8 * LEVELS + (level - 1)
    }

    fn rect(&mut self, x: u32, y: u32, w: u32, h: u32, ink: Ink) {
        let full = Canvas::shade(ink, LEVELS);
        for row in y..(y + h).min(CARD_HEIGHT) {
            let start = (row * CARD_WIDTH + x.min(CARD_WIDTH)) as usize;
            let end = (row * CARD_WIDTH + (x + w).min(CARD_WIDTH)) as usize;
            self.pixels[start..end].fill(full);
        }
    }

    /// Puts `ink` at pixel (x, y) with `coverage` in 0..=1 (the stronger shade wins where two
    /// glyphs touch).
    fn blend(&mut self, x: i64, y: i64, coverage: f32, ink: Ink) {
        let level = level_of(coverage);
        // Most of a glyph's box is uncovered: nothing to do, before any bounds check.
        if level == 0 || x < 0 || y < 0 || x >= i64::from(CARD_WIDTH) || y >= i64::from(CARD_HEIGHT)
        {
            return;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let i = (y as u32 * CARD_WIDTH + x as u32) as usize;
        self.put(i, level, ink);
    }

    /// Puts `ink` at level `level` (0: nothing) at pixel index `i`: the stronger shade wins
    /// where two glyphs of one ink touch, the later ink where inks meet.
    #[inline(always)]
    fn put(&mut self, i: usize, level: u8, ink: Ink) {
        if level == 0 {
            return;
        }
        let Some(old) = self.pixels.get_mut(i) else {
            return;
        };
        let shade = Canvas::shade(ink, level);
        let same_ink = *old != 0 && (*old - 1) / LEVELS == ink as u8;
        if *old == 0 || !same_ink || shade > *old {
            *old = shade;
        }
    }

    /// Draws `text` in one line, its baseline at `y`, from `x`.
    ///
    /// Each glyph is rasterised as `ab_glyph`'s `OutlinedGlyph::draw` does it (the same curves,
    /// scaled and offset by the same operations, into the same rasteriser), but its coverage is
    /// read row by row: `draw` divides every pixel's index by the glyph's width to hand out
    /// (x, y), which was a card's largest single cost. The pixels are the same; a test draws the
    /// seed's and the fixtures' cards both ways.
    fn text(&mut self, font: &FontRef<'_>, size: f32, x: f32, y: f32, text: &str, ink: Ink) {
        let scaled = font.as_scaled(PxScale::from(size));
        let factor = scaled.scale_factor();
        let (h_factor, v_factor) = (factor.horizontal, -factor.vertical);
        let mut caret = x;
        let mut previous = None;
        // One rasteriser for the line, reset for each glyph ("as if re-created", without
        // allocating again).
        let mut raster = Rasterizer::new(0, 0);
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = previous {
                caret += scaled.kern(p, id);
            }
            let position = ab_glyph::point(caret, y);
            caret += scaled.h_advance(id);
            previous = Some(id);
            let Some(outline) = font.outline(id) else {
                continue;
            };
            let bounds = outline.px_bounds(factor, position);
            let offset = position - bounds.min;
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let (w, h) = (bounds.width() as usize, bounds.height() as usize);
            let scale_up = |p: &ab_glyph::Point| ab_glyph::point(p.x * h_factor, p.y * v_factor);
            raster.reset(w, h);
            for curve in &outline.curves {
                match curve {
                    OutlineCurve::Line(p0, p1) => {
                        raster.draw_line(scale_up(p0) + offset, scale_up(p1) + offset);
                    }
                    OutlineCurve::Quad(p0, p1, p2) => raster.draw_quad(
                        scale_up(p0) + offset,
                        scale_up(p1) + offset,
                        scale_up(p2) + offset,
                    ),
                    OutlineCurve::Cubic(p0, p1, p2, p3) => raster.draw_cubic(
                        scale_up(p0) + offset,
                        scale_up(p1) + offset,
                        scale_up(p2) + offset,
                        scale_up(p3) + offset,
                    ),
                }
            }
            #[allow(clippy::cast_possible_truncation)]
            let (left, top) = (bounds.min.x as i64, bounds.min.y as i64);
            let (gw, gh) = (
                i64::try_from(w).unwrap_or(i64::MAX),
                i64::try_from(h).unwrap_or(i64::MAX),
            );
            let (cw, ch) = (i64::from(CARD_WIDTH), i64::from(CARD_HEIGHT));
            if left >= 0 && top >= 0 && left + gw <= cw && top + gh <= ch {
                // The whole glyph on the card (every glyph of a card is): pixel indices
                // straight through its rows, no bounds to check per pixel.
                let (mut at, mut gx) = (usize::try_from(top * cw + left).unwrap_or(0), 0);
                let skip = usize::try_from(cw - gw).unwrap_or(0);
                raster.for_each_pixel(|_, coverage| {
                    self.put(at, level_of(coverage), ink);
                    at += 1;
                    gx += 1;
                    if gx == w {
                        gx = 0;
                        at += skip;
                    }
                });
            } else {
                let (mut gx, mut gy) = (0, 0);
                raster.for_each_pixel(|_, coverage| {
                    self.blend(left + gx, top + gy, coverage, ink);
                    gx += 1;
                    if gx == gw {
                        gx = 0;
                        gy += 1;
                    }
                });
            }
        }
    }

    /// [`Canvas::text`] through `OutlinedGlyph::draw`, as cards were drawn before: what the
    /// faster path is compared with.
    #[cfg(test)]
    fn text_reference(
        &mut self,
        font: &FontRef<'_>,
        size: f32,
        x: f32,
        y: f32,
        text: &str,
        ink: Ink,
    ) {
        let scaled = font.as_scaled(PxScale::from(size));
        let mut caret = x;
        let mut previous = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = previous {
                caret += scaled.kern(p, id);
            }
            let glyph = id.with_scale_and_position(size, ab_glyph::point(caret, y));
            caret += scaled.h_advance(id);
            previous = Some(id);
            if let Some(outlined) = font.outline_glyph(glyph) {
                let bounds = outlined.px_bounds();
                #[allow(clippy::cast_possible_truncation)]
                let (left, top) = (bounds.min.x as i64, bounds.min.y as i64);
                outlined.draw(|gx, gy, coverage| {
                    self.blend_reference(left + i64::from(gx), top + i64::from(gy), coverage, ink);
                });
            }
        }
    }

    /// [`Canvas::blend`] as it was, with `f32::round`: the reference for [`level_of`].
    #[cfg(test)]
    fn blend_reference(&mut self, x: i64, y: i64, coverage: f32, ink: Ink) {
        if x < 0 || y < 0 || x >= i64::from(CARD_WIDTH) || y >= i64::from(CARD_HEIGHT) {
            return;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let level = (coverage.clamp(0.0, 1.0) * f32::from(LEVELS)).round() as u8;
        if level == 0 {
            return;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let i = (y as u32 * CARD_WIDTH + x as u32) as usize;
        let shade = Canvas::shade(ink, level);
        let old = self.pixels[i];
        let same_ink = old != 0 && (old - 1) / LEVELS == ink as u8;
        if old == 0 || !same_ink || shade > old {
            self.pixels[i] = shade;
        }
    }

    fn png(&self) -> Result<Vec<u8>, String> {
        let mut out = Vec::with_capacity(64 * 1024);
        let mut encoder = png::Encoder::new(&mut out, CARD_WIDTH, CARD_HEIGHT);
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_palette(Canvas::palette());
        // fdeflate's fastest mode; no filter: indices of a flat picture are long runs already.
        encoder.set_compression(png::Compression::Fastest);
        encoder.set_filter(png::Filter::NoFilter);
        let mut writer = encoder
            .write_header()
            .map_err(|e| format!("cannot encode the card: {e}"))?;
        writer
            .write_image_data(&self.pixels)
            .map_err(|e| format!("cannot encode the card: {e}"))?;
        writer
            .finish()
            .map_err(|e| format!("cannot encode the card: {e}"))?;
        Ok(out)
    }
}

/// The shade level (0..=[`LEVELS`]) of a pixel's `coverage`: `(coverage.clamp(0, 1) * LEVELS)`
/// rounded half away from zero, without `f32::round` (a call into libm per pixel on the
/// baseline x86-64 the CLI is built for). For the non-negative values here `x - trunc(x)` is
/// exact, so this is `round` to the bit; a NaN comes out 0, as `round(NaN) as u8` does.
/// Inlined by force: the CLI is built for size (opt-level "z"), and a call per pixel was a
/// card's largest cost.
#[inline(always)]
fn level_of(coverage: f32) -> u8 {
    // Most of a glyph's box is empty or wholly inside the glyph.
    if coverage >= 1.0 {
        return LEVELS;
    }
    if coverage.is_nan() || coverage <= 0.0 {
        return 0;
    }
    let scaled = coverage * f32::from(LEVELS);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = scaled as u8;
    whole + u8::from(scaled - f32::from(whole) >= 0.5)
}

/// The width of `text` in one line.
fn width(font: &FontRef<'_>, size: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut w = 0.0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            w += scaled.kern(p, id);
        }
        w += scaled.h_advance(id);
        previous = Some(id);
    }
    w
}

/// `text` broken into lines no wider than `max` at words (a word wider than a line stands
/// alone on its own).
fn wrap(font: &FontRef<'_>, size: f32, text: &str, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width(font, size, &candidate) <= max {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The title's size and lines: the largest size at which it fits in the lines that size allows
/// ([`title_lines`]) with no word wider than the line; else the smallest size, its lines cut
/// after the last one at a word, with an ellipsis.
fn title_layout(font: &FontRef<'_>, title: &str, max: f32) -> (f32, Vec<String>) {
    for size in TITLE_SIZES {
        let lines = wrap(font, size, title, max);
        if lines.len() <= title_lines(size) && lines.iter().all(|l| width(font, size, l) <= max) {
            return (size, lines);
        }
    }
    let size = TITLE_SIZES[TITLE_SIZES.len() - 1];
    let mut lines = wrap(font, size, title, max);
    lines.truncate(title_lines(size));
    if let Some(last) = lines.last_mut() {
        // Words come off the last line until it holds its ellipsis.
        let mut words: Vec<&str> = last.split(' ').collect();
        loop {
            let candidate = format!("{}…", words.join(" "));
            if words.len() <= 1 || width(font, size, &candidate) <= max {
                *last = candidate;
                break;
            }
            words.pop();
        }
        // A single word wider than the whole line: only then is a word cut.
        if width(font, size, last) > max {
            *last = format!("{}…", fitting_prefix(font, size, last, max));
        }
    }
    (size, lines)
}

/// The longest prefix of `text` that fits in `max` with an ellipsis after it, measured once
/// through (a word of 100 000 letters costs one pass, not one pass per letter).
fn fitting_prefix<'t>(font: &FontRef<'_>, size: f32, text: &'t str, max: f32) -> &'t str {
    let scaled = font.as_scaled(PxScale::from(size));
    let room = max - width(font, size, "…");
    let mut w = 0.0;
    let mut previous = None;
    for (at, c) in text.char_indices() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            w += scaled.kern(p, id);
        }
        w += scaled.h_advance(id);
        previous = Some(id);
        if w > room {
            return &text[..at];
        }
    }
    text
}

/// At most `max` characters of `text`, cut at the last space before them when there is one:
/// no card line holds more, and the wrapping below measures whole lines, so a hostile title of
/// a megabyte must not reach it whole.
fn clip(text: &str, max: usize) -> &str {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text;
    };
    let head = &text[..end];
    head.rfind(char::is_whitespace)
        .map_or(head, |at| &head[..at])
}

/// `text` cut at a word so that it fits in one line of `max`, with an ellipsis when cut.
fn one_line(font: &FontRef<'_>, size: f32, text: &str, max: f32) -> String {
    // Never fits in one line: a clipped text still ends in an ellipsis.
    let text = clip(text, 400);
    if width(font, size, text) <= max {
        return text.to_owned();
    }
    let mut words: Vec<&str> = text.split(' ').collect();
    while words.len() > 1 {
        words.pop();
        let candidate = format!("{}…", words.join(" "));
        if width(font, size, &candidate) <= max {
            return candidate;
        }
    }
    format!("{}…", fitting_prefix(font, size, text, max))
}

/// The card of `version` of `document`, as PNG bytes.
///
/// # Errors
/// A message when the fonts cannot be read (they are compiled in: a bug) or the PNG cannot be
/// encoded.
pub fn card_png(document: &Document, version: &Version) -> Result<Vec<u8>, String> {
    draw_card(document, version, Canvas::text)?.png()
}

/// How a line of text is drawn: [`Canvas::text`] (tests compare it with the reference).
type DrawText = fn(&mut Canvas, &FontRef<'static>, f32, f32, f32, &str, Ink);

/// The card of `version`, drawn with `text`.
fn draw_card(document: &Document, version: &Version, text: DrawText) -> Result<Canvas, String> {
    let fonts = fonts().ok_or("internal error: the card fonts do not parse")?;
    let by = byline(document, version);
    let mut canvas = Canvas::new();
    #[allow(clippy::cast_precision_loss)]
    let max = CARD_WIDTH as f32 - 2.0 * MARGIN;
    // An accent band on the left, a rule at the foot.
    canvas.rect(0, 0, 24, CARD_HEIGHT, Ink::Accent);
    canvas.rect(MARGIN as u32, CARD_HEIGHT - 120, max as u32, 3, Ink::Accent);

    let publisher = one_line(&fonts.bold, 30.0, &document.publisher.name, max);
    text(
        &mut canvas,
        &fonts.bold,
        30.0,
        MARGIN,
        110.0,
        &publisher,
        Ink::Accent,
    );

    // Five lines of the smallest size never hold 1000 characters: a clipped title still ends
    // in an ellipsis.
    let (size, lines) = title_layout(&fonts.bold, clip(&version.title, 1000), max);
    let mut y = 140.0 + size;
    for line in &lines {
        text(&mut canvas, &fonts.bold, size, MARGIN, y, line, Ink::Text);
        y += size * LINE_HEIGHT;
    }
    let authors = one_line(&fonts.regular, 34.0, &by.authors, max);
    text(
        &mut canvas,
        &fonts.regular,
        34.0,
        MARGIN,
        476.0,
        &authors,
        Ink::Muted,
    );
    let foot = match &by.series {
        Some(series) => format!("{series} · {}", by.date),
        None => by.date.clone(),
    };
    let foot = one_line(&fonts.regular, 28.0, &foot, max);
    #[allow(clippy::cast_precision_loss)]
    text(
        &mut canvas,
        &fonts.regular,
        28.0,
        MARGIN,
        CARD_HEIGHT as f32 - 64.0,
        &foot,
        Ink::Muted,
    );
    Ok(canvas)
}

/// Writes the card of every version of `document` to `<out_dir>/<id>/<lang>/card.png`.
///
/// # Errors
/// A message naming the card that could not be drawn or written.
pub fn write_cards(document: &Document, out_dir: &Path) -> Result<(), String> {
    for version in &document.versions {
        let dir = out_dir.join(&document.id).join(&version.lang);
        let path = dir.join("card.png");
        let png = card_png(document, version).map_err(|e| format!("{}: {e}", path.display()))?;
        fs::create_dir_all(&dir)
            .map_err(|e| format!("{}: cannot create: {}", dir.display(), describe_io(&e)))?;
        super::build::write_atomic_bytes(&path, &png)
            .map_err(|e| format!("{}: cannot write: {}", path.display(), describe_io(&e)))?;
    }
    Ok(())
}

/// The page's `og:image` (with its size and alt text) and a large Twitter card. The image URL
/// is absolute when the document base is.
pub(super) fn card_meta(document: &Document, version: &Version, options: &PageOptions) -> String {
    let url = format!("{}card.png", page_url(options, &document.id, &version.lang));
    let by = byline(document, version);
    let alt = format!(
        "{} — {}, {}",
        version.title, by.authors, document.publisher.name
    );
    let mut out = String::new();
    for (kind, key, value) in [
        ("property", "og:image", url.as_str()),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", "1200"),
        ("property", "og:image:height", "630"),
        ("property", "og:image:alt", alt.as_str()),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:image", url.as_str()),
        ("name", "twitter:image:alt", alt.as_str()),
    ] {
        out.push_str(&format!(
            "<meta {kind}=\"{key}\" content=\"{}\">\n",
            escape_attr(value)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed's and every fixture's documents.
    fn documents() -> Vec<Document> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut all = Vec::new();
        for folder in ["content", "tests/fixtures/content"] {
            let mut ids: Vec<_> = fs::read_dir(root.join(folder))
                .expect("content folder")
                .filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .collect();
            ids.sort_by_key(fs::DirEntry::file_name);
            for entry in ids {
                let id = entry.file_name().to_string_lossy().into_owned();
                let compiled = super::super::compile_commentary(&entry.path(), &id);
                all.push(compiled.document.expect("compiles"));
            }
        }
        all
    }

    #[test]
    fn cards_are_drawn_pixel_for_pixel_as_ab_glyphs_draw_drew_them() {
        let mut documents = documents();
        assert_eq!(documents.len(), 5, "the seed and four fixtures");
        // And titles at every size, in every script the fonts have, ellipsis and all.
        let mut titled = documents[0].clone();
        let long = "Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma ";
        for (version, title) in titled
            .versions
            .iter_mut()
            .zip(["Зерновые коридоры через Кавказ: Ёлка, Щит и Жёлудь", long])
        {
            version.title = title.repeat(3);
        }
        documents.push(titled.clone());
        for (version, title) in titled.versions.iter_mut().zip(["Ω", "ƏəŞşĞğ İı ÇçÖöÜü"])
        {
            version.title = title.to_owned();
        }
        documents.push(titled);
        let mut cards = 0;
        for document in &documents {
            for version in &document.versions {
                let fast = draw_card(document, version, Canvas::text).expect("drawn");
                let reference =
                    draw_card(document, version, Canvas::text_reference).expect("drawn");
                let differing = fast
                    .pixels
                    .iter()
                    .zip(&reference.pixels)
                    .filter(|(a, b)| a != b)
                    .count();
                assert_eq!(
                    differing, 0,
                    "{} {}: pixels differ",
                    document.id, version.lang
                );
                assert!(reference.pixels.iter().filter(|p| **p != 0).count() > 10_000);
                cards += 1;
            }
        }
        assert_eq!(cards, 2 + 3 + 3 + 2 + 3 + 2 + 2);
    }

    #[test]
    fn shade_levels_are_rounded_as_f32_round_does() {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let round = |c: f32| (c.clamp(0.0, 1.0) * f32::from(LEVELS)).round() as u8;
        // Every 97th float from 0 to 1, each level's half-way points and their neighbours,
        // out-of-range and odd values.
        let mut values: Vec<f32> = (0..=1.0f32.to_bits())
            .step_by(97)
            .map(f32::from_bits)
            .collect();
        for level in 0..=LEVELS {
            let half = (f32::from(level) + 0.5) / f32::from(LEVELS);
            for bits in half.to_bits() - 4..=half.to_bits() + 4 {
                values.push(f32::from_bits(bits));
            }
        }
        values.extend([
            -0.0,
            -1.0,
            1.5,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
            0.4999999,
        ]);
        for c in values {
            assert_eq!(level_of(c), round(c), "{c:e}");
        }
    }

    #[test]
    fn titles_wrap_at_words_and_long_ones_end_in_an_ellipsis_at_a_word() {
        let f = &fonts().expect("fonts").bold;
        let (size, lines) = title_layout(f, "Short title", 1040.0);
        assert_eq!((size, lines.len()), (68.0, 1));
        let long = "Türkiye-Azerbaycan İlişkileri Üzerinden Hedef Alınan Türk Devletleri Arasındaki Dayanışma ".repeat(3);
        let (size, lines) = title_layout(f, &long, 1040.0);
        assert_eq!((size, lines.len()), (42.0, 5));
        let words: Vec<&str> = long.split_whitespace().collect();
        for line in &lines {
            assert!(width(f, size, line) <= 1040.0, "{line}");
            for w in line.trim_end_matches('…').split(' ') {
                assert!(words.contains(&w), "`{w}` is a cut word");
            }
        }
        assert!(lines[4].ends_with('…'));
        // Hostile sizes stay fast and inside the card: one word of 200 000 letters.
        let huge = "W".repeat(200_000);
        let (_, lines) = title_layout(f, clip(&huge, 1000), 1040.0);
        assert_eq!(lines.len(), 1);
        assert!(width(f, 42.0, &lines[0]) <= 1040.0 && lines[0].ends_with('…'));
        let line = one_line(
            &fonts().expect("fonts").regular,
            34.0,
            &"Ad Soyad ".repeat(50_000),
            1040.0,
        );
        assert!(
            width(&fonts().expect("fonts").regular, 34.0, &line) <= 1040.0 && line.ends_with('…')
        );
        // Every size's lines fit between the publisher and the authors.
        for size in TITLE_SIZES {
            assert!(
                140.0 + size * LINE_HEIGHT * (title_lines(size) as f32)
                    <= 140.0 + TITLE_HEIGHT + size
            );
        }
    }

    #[test]
    fn turkish_and_cyrillic_letters_have_glyphs() {
        let f = fonts().expect("fonts");
        for c in "İıŞşĞğÇçÖöÜüƏəЖжЩщЁё".chars() {
            assert_ne!(f.regular.glyph_id(c).0, 0, "{c}");
            assert_ne!(f.bold.glyph_id(c).0, 0, "{c}");
        }
    }
}

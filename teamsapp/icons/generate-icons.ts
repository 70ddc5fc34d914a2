/**
 * Draws the two Teams app icons (a shield with a check mark) and writes them as PNG files:
 *
 *   color.png   192x192, full colour, opaque (RGB)
 *   outline.png  32x32,  white on a transparent background (RGBA)
 *
 * No image tools are needed: shapes are tested point by point with supersampling for smooth
 * edges, and the PNG is assembled by hand (zlib for the image data and the chunk checksums).
 * The output is deterministic, so the committed PNGs can be compared with a fresh rendering.
 *
 *   npx tsx teamsapp/icons/generate-icons.ts [output-directory]   (default: teamsapp/appPackage)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

/** Rijksoverheid-style dark blue; also the manifest's accentColor. */
export const ACCENT_COLOR = '#154273';
const CHECK_COLOR = '#39870C';

type Rgb = readonly [number, number, number];

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

// ---------------------------------------------------------------------------------------------
// Geometry, in unit coordinates: (0,0) is the top-left corner of the icon, (1,1) the bottom-right.
// ---------------------------------------------------------------------------------------------

interface Shield {
  cx: number;
  top: number;
  /** Where the straight sides start to curve towards the point. */
  shoulder: number;
  bottom: number;
  halfWidth: number;
  cornerRadius: number;
}

function insideShield(s: Shield, x: number, y: number): boolean {
  if (y < s.top || y > s.bottom) return false;
  let halfWidth = s.halfWidth;
  if (y > s.shoulder) {
    const t = (y - s.shoulder) / (s.bottom - s.shoulder);
    halfWidth = s.halfWidth * (1 - t * t);
  }
  const dx = Math.abs(x - s.cx);
  if (dx > halfWidth) return false;
  // Rounded top corners.
  const cornerX = s.halfWidth - s.cornerRadius;
  const cornerY = s.top + s.cornerRadius;
  if (dx > cornerX && y < cornerY) {
    return Math.hypot(dx - cornerX, y - cornerY) <= s.cornerRadius;
  }
  return true;
}

/** The same shield, shrunk by `by` on every side (the point moves further because it is sharp). */
function insetShield(s: Shield, by: number): Shield {
  return {
    cx: s.cx,
    top: s.top + by,
    shoulder: s.shoulder,
    bottom: s.bottom - by * 1.4,
    halfWidth: s.halfWidth - by,
    cornerRadius: Math.max(0, s.cornerRadius - by),
  };
}

type Point = readonly [number, number];

function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSquared));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** A thick polyline with round caps and joins. */
function onStroke(points: readonly Point[], halfThickness: number, x: number, y: number): boolean {
  for (let i = 0; i + 1 < points.length; i++) {
    if (distanceToSegment(x, y, points[i]!, points[i + 1]!) <= halfThickness) return true;
  }
  return false;
}

/** The check mark, placed relative to a shield so it sits in its upper, wider part. */
function checkMark(s: Shield): Point[] {
  const w = s.halfWidth * 2;
  const h = s.bottom - s.top;
  const at = (fx: number, fy: number): Point => [s.cx - s.halfWidth + fx * w, s.top + fy * h];
  return [at(0.25, 0.47), at(0.43, 0.64), at(0.76, 0.3)];
}

// ---------------------------------------------------------------------------------------------
// Rasterising: the fraction of samples inside a shape gives the pixel's coverage.
// ---------------------------------------------------------------------------------------------

type Shape = (x: number, y: number) => boolean;

function coverage(shape: Shape, px: number, py: number, size: number, samples: number): number {
  let inside = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      if (shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) inside++;
    }
  }
  return inside / (samples * samples);
}

function mix(under: Rgb, over: Rgb, amount: number): Rgb {
  return [
    under[0] + (over[0] - under[0]) * amount,
    under[1] + (over[1] - under[1]) * amount,
    under[2] + (over[2] - under[2]) * amount,
  ];
}

export interface Raster {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA) bytes per pixel, rows top to bottom. */
  channels: 3 | 4;
  pixels: Uint8Array;
}

/** 192x192: a white shield with a green check mark on the accent colour. */
export function renderColorIcon(size = 192): Raster {
  const shield: Shield = { cx: 0.5, top: 0.17, shoulder: 0.47, bottom: 0.86, halfWidth: 0.3, cornerRadius: 0.05 };
  const check = checkMark(shield);
  const background = hexToRgb(ACCENT_COLOR);
  const white: Rgb = [255, 255, 255];
  const green = hexToRgb(CHECK_COLOR);
  const pixels = new Uint8Array(size * size * 3);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const shieldCover = coverage((x, y) => insideShield(shield, x, y), px, py, size, 4);
      const checkCover = coverage((x, y) => onStroke(check, 0.045, x, y) && insideShield(shield, x, y), px, py, size, 4);
      const colour = mix(mix(background, white, shieldCover), green, checkCover);
      pixels.set(colour.map((c) => Math.round(c)), (py * size + px) * 3);
    }
  }
  return { width: size, height: size, channels: 3, pixels };
}

/** 32x32: the shield's outline and the check mark in white; everything else transparent. */
export function renderOutlineIcon(size = 32): Raster {
  const outer: Shield = { cx: 0.5, top: 0.06, shoulder: 0.44, bottom: 0.95, halfWidth: 0.39, cornerRadius: 0.07 };
  const inner = insetShield(outer, 0.08);
  const check = checkMark(inner);
  const shape: Shape = (x, y) =>
    (insideShield(outer, x, y) && !insideShield(inner, x, y)) || onStroke(check, 0.05, x, y);
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const alpha = Math.round(coverage(shape, px, py, size, 8) * 255);
      // Fully transparent pixels are stored as 0,0,0,0; visible ones are pure white.
      pixels.set(alpha === 0 ? [0, 0, 0, 0] : [255, 255, 255, alpha], (py * size + px) * 4);
    }
  }
  return { width: size, height: size, channels: 4, pixels };
}

// ---------------------------------------------------------------------------------------------
// PNG encoding (https://www.w3.org/TR/png/): signature, IHDR, one IDAT, IEND.
// ---------------------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

export function encodePng(raster: Raster): Buffer {
  const { width, height, channels, pixels } = raster;
  if (pixels.length !== width * height * channels) throw new Error('pixel buffer does not match the image size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = channels === 4 ? 6 : 2; // colour type: 6 = RGBA, 2 = RGB
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method: adaptive
  header[12] = 0; // no interlace
  const rowLength = width * channels;
  const scanlines = Buffer.alloc(height * (rowLength + 1));
  for (let y = 0; y < height; y++) {
    scanlines[y * (rowLength + 1)] = 0; // filter type "None" for every row
    scanlines.set(pixels.subarray(y * rowLength, (y + 1) * rowLength), y * (rowLength + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(scanlines, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function generateIcons(): { 'color.png': Buffer; 'outline.png': Buffer } {
  return { 'color.png': encodePng(renderColorIcon()), 'outline.png': encodePng(renderOutlineIcon()) };
}

export const DEFAULT_ICON_DIRECTORY = fileURLToPath(new URL('../appPackage/', import.meta.url));

export function writeIcons(directory: string = DEFAULT_ICON_DIRECTORY): string[] {
  mkdirSync(directory, { recursive: true });
  return Object.entries(generateIcons()).map(([name, png]) => {
    const file = path.join(directory, name);
    writeFileSync(file, png);
    return file;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const file of writeIcons(process.argv[2] ? path.resolve(process.argv[2]) : undefined)) {
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

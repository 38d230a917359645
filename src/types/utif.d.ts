// The part of UTIF.js (a TIFF decoder without dependencies on native code) the review site uses to show TIFF scans.
declare module 'utif' {
  interface Ifd {
    width: number;
    height: number;
    [tag: string]: unknown;
  }
  const UTIF: {
    /** The image file directories of a TIFF: one per page (sub-images hang off their page). */
    decode(buffer: ArrayBuffer | Uint8Array): Ifd[];
    /** Decodes one page's pixels into the directory. */
    decodeImage(buffer: ArrayBuffer | Uint8Array, ifd: Ifd, ifds?: Ifd[]): void;
    /** The decoded page as RGBA, 8 bits a channel. */
    toRGBA8(ifd: Ifd): Uint8Array;
  };
  export default UTIF;
}

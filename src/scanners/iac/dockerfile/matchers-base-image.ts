import { Arg } from 'dockerfile-ast';

import { imageParts } from '../check-patterns.js';
import type { DockerMatcher } from './matcher.js';
import {
  dockerHit,
  finalChain,
  lineOf,
  parentStage,
  type DockerFile,
  type Stage,
} from './model.js';

/**
 * A FROM's image, undefined for stages and scratch. A variable is resolved only from the
 * defaults of global `ARG`s; `--build-arg` values are not known, and an image that stays
 * unresolved is not checked.
 */
function baseImage(file: DockerFile, stage: Stage): string | undefined {
  if (parentStage(file, stage)) return undefined;
  let image = stage.image;
  if (image.includes('$')) {
    for (const arg of file.dockerfile.getInitialARGs()) {
      const property = arg instanceof Arg ? arg.getProperty() : null;
      const value = property?.getValue();
      if (!property || value === null || value === undefined) continue;
      image = image.replace(new RegExp(`\\$\\{?${property.getName()}\\}?`, 'g'), value);
    }
  }
  if (image === '' || image.includes('$') || image.toLowerCase() === 'scratch') return undefined;
  return image;
}

/** Every FROM that names an external image, with that image. */
function externalBases(model: Parameters<DockerMatcher>[0]) {
  return model.files.flatMap((file) =>
    file.stages.flatMap((stage) => {
      const image = baseImage(file, stage);
      return image ? [{ file, stage, image }] : [];
    }),
  );
}

/** Base images without a tag and digest, or tagged `latest`. */
const baseLatest: DockerMatcher = (model) =>
  externalBases(model).flatMap(({ file, stage, image }) => {
    const { name, tag, digest } = imageParts(image);
    if ((tag || digest) && tag !== 'latest') return [];
    const vars = { value: image, name };
    return [dockerHit(file, stage, lineOf(stage.from), `FROM ${image}`, vars)];
  });

/** Base images without a digest. */
const baseNoDigest: DockerMatcher = (model) =>
  externalBases(model).flatMap(({ file, stage, image }) =>
    imageParts(image).digest
      ? []
      : [dockerHit(file, stage, lineOf(stage.from), `FROM ${image}`, { value: image })],
  );

/**
 * Official images whose default variant carries a full distribution, and the smaller family
 * to use instead. A tag naming a small variant (alpine, slim, distroless...) is fine.
 */
const HEAVY: Record<string, string> = {
  node: 'node:<version>-alpine, node:<version>-slim or gcr.io/distroless/nodejs<version>-debian12',
  python: 'python:<version>-slim or python:<version>-alpine',
  ubuntu: 'debian:<release>-slim, or a distroless image for the runtime',
  debian: 'debian:<release>-slim, or a distroless image for the runtime',
  golang: 'a build stage on golang copying the binary into gcr.io/distroless/static-debian12',
  ruby: 'ruby:<version>-slim or ruby:<version>-alpine',
  openjdk: 'eclipse-temurin:<version>-jre-alpine or gcr.io/distroless/java<version>-debian12',
  maven: 'a build stage on maven copying the jar into eclipse-temurin:<version>-jre',
  gradle: 'a build stage on gradle copying the jar into eclipse-temurin:<version>-jre',
  'eclipse-temurin': 'eclipse-temurin:<version>-jre-alpine',
  php: 'php:<version>-fpm-alpine',
  centos: 'registry.access.redhat.com/ubi9/ubi-minimal',
  fedora: 'registry.access.redhat.com/ubi9/ubi-minimal',
};

const SMALL_VARIANT = /alpine|slim|distroless|minimal|micro|jre|busybox|static/;

/** Final-stage bases that are a heavy variant of an official image with a minimal family. */
const heavyBase: DockerMatcher = (model) =>
  model.files.flatMap((file) => {
    const chain = finalChain(file);
    const root = chain.at(-1);
    const image = root ? baseImage(file, root) : undefined;
    if (!root || !image) return [];
    const { name, tag } = imageParts(image);
    const short = name.replace(/^(?:docker\.io\/)?(?:library\/)?/, '');
    const suggestion = HEAVY[short];
    if (!suggestion || SMALL_VARIANT.test(tag ?? '')) return [];
    const vars = { value: image, suggestion };
    return [dockerHit(file, root, lineOf(root.from), `FROM ${image}`, vars)];
  });

/** Matchers of the base-image family, by name. */
export const BASE_IMAGE_MATCHERS: Record<string, DockerMatcher> = {
  'base-latest': baseLatest,
  'base-no-digest': baseNoDigest,
  'heavy-base': heavyBase,
};

import type { YNode } from '../check-yaml.js';
import { containerHit, type Container } from './manifest.js';
import type { K8sMatcher } from './matcher.js';

/** A securityContext field, from the container first and then from the pod. */
function effective(container: Container, field: string): YNode | undefined {
  return (
    container.node.at(`securityContext.${field}`) ??
    container.pod.spec.at(`securityContext.${field}`)
  );
}

/** Containers whose effective runAsUser is 0. */
const runAsRoot: K8sMatcher = (model) =>
  model.containers.flatMap((container) => {
    const user = effective(container, 'runAsUser');
    return user && Number(user.value()) === 0 ? [containerHit(container, user.span())] : [];
  });

/**
 * Containers not forced to run as non-root: runAsNonRoot is not true and no non-zero
 * runAsUser is set. A runAsUser of 0 is left to run-as-root.
 */
const runAsNonRootMissing: K8sMatcher = (model) =>
  model.containers.flatMap((container) => {
    const user = effective(container, 'runAsUser');
    if (user && user.value() !== null) return [];
    const nonRoot = effective(container, 'runAsNonRoot');
    if (nonRoot?.value() === true || (!nonRoot && container.pod.object.patch)) return [];
    return [containerHit(container, nonRoot ? nonRoot.span() : container.node.span())];
  });

/** Profile types that keep the syscall filter on, per the Pod Security Standards. */
const CONFINED_SECCOMP = ['RuntimeDefault', 'Localhost'];

/** Containers whose seccomp profile is unset or Unconfined. */
const seccompNotDefault: K8sMatcher = (model) =>
  model.containers.flatMap((container) => {
    const type = effective(container, 'seccompProfile.type');
    if (type && CONFINED_SECCOMP.includes(type.str() ?? '')) return [];
    if (!type && container.pod.object.patch) return [];
    const legacy = container.pod.metadata
      ?.at('annotations')
      ?.get('seccomp.security.alpha.kubernetes.io/pod');
    if (
      !type &&
      legacy &&
      /^(runtime\/default|docker\/default|localhost\/)/.test(legacy.str() ?? '')
    ) {
      return [];
    }
    const at = type ?? container.node;
    return [containerHit(container, at.span(), { value: type?.str() ?? 'unset' })];
  });

/** Containers with an Unconfined AppArmor profile (field or beta annotation). */
const appArmorUnconfined: K8sMatcher = (model) =>
  model.containers.flatMap((container) => {
    const type = effective(container, 'appArmorProfile.type');
    if (type?.str() === 'Unconfined') return [containerHit(container, type.span())];
    const key = `container.apparmor.security.beta.kubernetes.io/${container.name}`;
    const annotation = container.pod.metadata?.at('annotations')?.get(key);
    return annotation?.str() === 'unconfined' ? [containerHit(container, annotation.span())] : [];
  });

/** SELinux types that lift confinement from a container. */
const UNCONFINED_SELINUX = ['spc_t', 'unconfined_t'];

/** Containers whose SELinux type is a super-privileged or unconfined one. */
const seLinuxUnconfined: K8sMatcher = (model) =>
  model.containers.flatMap((container) => {
    const type = effective(container, 'seLinuxOptions.type');
    const value = type?.str() ?? '';
    return type && UNCONFINED_SELINUX.includes(value)
      ? [containerHit(container, type.span(), { value })]
      : [];
  });

/** Matchers of the security-context family, by name. */
export const SECURITY_CONTEXT_MATCHERS: Record<string, K8sMatcher> = {
  'run-as-root': runAsRoot,
  'run-as-non-root-missing': runAsNonRootMissing,
  'seccomp-not-default': seccompNotDefault,
  'apparmor-unconfined': appArmorUnconfined,
  'selinux-unconfined': seLinuxUnconfined,
};

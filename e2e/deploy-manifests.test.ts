import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { Deployment, type IDeployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { type IIngress, Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { type IPodDisruptionBudget, PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, type IConfigMap, type ISecret, type IService, Namespace, Secret, Service } from "kubernetes-models/v1";
import { describe, expect, test } from "vitest";
import { parseAllDocuments } from "yaml";

/**
 * The Kubernetes manifests (deploy/k8s): the example overlay is rendered offline with `kubectl kustomize`, every object
 * is validated against the Kubernetes API schemas (kubernetes-models), and what the app needs of its pods is asserted.
 * Without kubectl the file is skipped locally and fails under CI=true (.ci/run installs Debian's kubernetes-client).
 */

const root = resolve(import.meta.dirname, "..");
const OVERLAY = "deploy/k8s/overlays/example";

function kubectlVersion(): string | null {
  try {
    return execFileSync("kubectl", ["version", "--client"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch {
    return null;
  }
}
const kubectl = kubectlVersion();
if (!kubectl && process.env.CI === "true") throw new Error("CI=true but kubectl is missing: the manifests cannot be rendered.");
if (!kubectl) console.warn("kubectl is not installed: the Kubernetes manifest tests are skipped (apt-get install kubernetes-client).");

/** The model (with its schema) of every kind the manifests may hold, by apiVersion and kind. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "networking.k8s.io/v1/Ingress": Ingress,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };

/** Throws with the object's name and every schema violation when `object` is not a valid Kubernetes object. */
function validate(object: K8sObject): void {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`${object.apiVersion} ${object.kind} ${object.metadata?.name}: no schema known to this test`);
  // kustomize folds long base64 values of a Secret over lines; the API server's decoder (Go's base64) skips the line
  // breaks, the schema's "byte" format does not.
  const data = (object as { data?: Record<string, string> }).data;
  const unfolded =
    object.kind === "Secret" && data
      ? { ...object, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.replace(/\s+/g, "")])) }
      : object;
  try {
    new Model(unfolded as never).validate();
  } catch (error) {
    throw new Error(`${object.kind} ${object.metadata?.name}: ${(error as Error).message}`);
  }
}

describe.skipIf(!kubectl)("Kubernetes manifests (kubectl kustomize)", () => {
  const rendered = kubectl
    ? execFileSync("kubectl", ["kustomize", OVERLAY], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
    : "";
  const documents = parseAllDocuments(rendered);
  const objects = (Array.isArray(documents) ? documents : [documents]).map((d) => d.toJS() as K8sObject);
  const one = <T>(kind: string): T => {
    const found = objects.filter((o) => o.kind === kind);
    expect(
      found.map((o) => o.metadata.name),
      `one ${kind}`,
    ).toHaveLength(1);
    return found[0] as T;
  };

  test("render every object the base promises, each valid against the Kubernetes schemas", () => {
    expect(objects.map((o) => o.kind).sort()).toEqual(
      ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Namespace", "PodDisruptionBudget", "Secret", "Service"].sort(),
    );
    for (const object of objects) validate(object);
    for (const object of objects.filter((o) => o.kind !== "Namespace")) expect(object.metadata.namespace, object.kind).toBe("verbetertool");
  });

  test("the schema check itself catches a broken object", () => {
    const deployment = structuredClone(one<IDeployment>("Deployment"));
    const container = deployment.spec?.template.spec?.containers[0];
    if (!container?.ports?.[0]) throw new Error("the Deployment has no container port");
    (container.ports[0] as { containerPort: unknown }).containerPort = "drieduizend";
    expect(() => validate(deployment as K8sObject)).toThrow(/containerPort must be integer/);
  });

  test("the Deployment probes live and ready, takes APP_SECRET and DATABASE_URL from the Secret and runs as non-root", () => {
    const deployment = one<IDeployment>("Deployment");
    const pod = deployment.spec?.template.spec;
    const container = pod?.containers[0];
    if (!pod || !container) throw new Error("the Deployment has no container");
    expect(pod.containers).toHaveLength(1);

    const port = container.ports?.find((p) => p.name === "http");
    expect(port?.containerPort).toBe(3000);
    expect(container.livenessProbe?.httpGet).toMatchObject({ path: "/api/health/live", port: "http" });
    expect(container.readinessProbe?.httpGet).toMatchObject({ path: "/api/health/ready", port: "http" });
    expect(container.startupProbe?.httpGet).toMatchObject({ path: "/api/health/live", port: "http" });

    const secret = one<ISecret>("Secret");
    const env = new Map((container.env ?? []).map((e) => [e.name, e]));
    for (const key of ["APP_SECRET", "DATABASE_URL"]) {
      expect(env.get(key)?.valueFrom?.secretKeyRef, key).toEqual({ name: secret.metadata?.name, key });
      expect(Object.keys({ ...secret.data, ...secret.stringData }), `the Secret holds ${key}`).toContain(key);
    }
    expect(env.get("PORT")?.value).toBe("3000");

    // Non-root with a read-only root file system; what the app writes goes to the emptyDir at /tmp.
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.securityContext?.runAsUser).toBe(1000); // the image's `node` user
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
    const tmp = container.volumeMounts?.find((m) => m.mountPath === "/tmp");
    expect(pod.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
    expect(env.get("DATA_DIR")?.value).toMatch(/^\/tmp\//);

    // The image is pinned, never "latest".
    expect(container.image).toMatch(/:[\w.-]+$/);
    expect(container.image).not.toMatch(/:latest$/);
  });

  test("the settings say production and the PUBLIC_URL is the Ingress host", () => {
    const deployment = one<IDeployment>("Deployment");
    const container = deployment.spec?.template.spec?.containers[0];
    const configMap = one<IConfigMap>("ConfigMap");
    expect(container?.envFrom?.map((e) => e.configMapRef?.name)).toContain(configMap.metadata?.name);
    const ingress = one<IIngress>("Ingress");
    const host = ingress.spec?.rules?.[0]?.host;
    expect(configMap.data).toMatchObject({ NODE_ENV: "production", PUBLIC_URL: `https://${host}` });
    expect(ingress.spec?.tls?.[0]?.hosts).toEqual([host]);
  });

  test("Service, Ingress, autoscaler and disruption budget point at the Deployment's pods", () => {
    const deployment = one<IDeployment>("Deployment");
    const podLabels = deployment.spec?.template.metadata?.labels ?? {};
    const selects = (selector: Record<string, string> | undefined) =>
      Object.keys(selector ?? {}).length > 0 && Object.entries(selector ?? {}).every(([k, v]) => podLabels[k] === v);
    expect(selects(deployment.spec?.selector.matchLabels)).toBe(true);

    const service = one<IService>("Service");
    expect(selects(service.spec?.selector)).toBe(true);
    expect(service.spec?.ports?.[0]?.targetPort).toBe("http");

    const ingress = one<IIngress>("Ingress");
    const backend = ingress.spec?.rules?.[0]?.http?.paths[0]?.backend.service;
    expect(backend?.name).toBe(service.metadata?.name);
    expect(service.spec?.ports?.map((p) => p.name)).toContain(backend?.port?.name);

    const hpa = one<IHorizontalPodAutoscaler>("HorizontalPodAutoscaler");
    expect(hpa.spec?.scaleTargetRef).toMatchObject({ apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata?.name });
    const minReplicas = hpa.spec?.minReplicas ?? 1;
    expect(minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec?.maxReplicas).toBeGreaterThanOrEqual(minReplicas);
    // CPU utilisation needs a CPU request to be measured against.
    expect(deployment.spec?.template.spec?.containers[0]?.resources?.requests?.cpu).toBeDefined();

    // The budget lets a drain go on (it does not demand every pod) but keeps one serving.
    const pdb = one<IPodDisruptionBudget>("PodDisruptionBudget");
    expect(selects(pdb.spec?.selector?.matchLabels)).toBe(true);
    expect(pdb.spec?.minAvailable).toBeGreaterThanOrEqual(1);
    expect(Number(pdb.spec?.minAvailable)).toBeLessThan(minReplicas);
  });
});

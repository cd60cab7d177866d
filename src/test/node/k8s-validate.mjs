// Validates Kubernetes objects against the Kubernetes 1.27 schemas of kubernetes-models@4 (types,
// required fields, enums and formats; like kubeconform without -strict, it does not flag unknown fields).
// usage: node k8s-validate.mjs objects.json   (a JSON array of objects, e.g. a rendered kustomization)
// Prints one line per object; objects of API groups that are not Kubernetes' own (CloudNativePG's) are
// listed as "custom" and left to their own check. Exit status 1 if any object is invalid or has a
// Kubernetes kind this validator does not know.
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
let failed = 0;
for (const object of objects) {
  const name = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  if (group !== "" && !group.endsWith(".k8s.io") && !["apps", "autoscaling", "policy", "batch"].includes(group)) {
    console.log(`custom  ${name}`);
    continue;
  }
  const module = `kubernetes-models/${group === "" ? "" : group + "/"}${version}/${object.kind}`;
  let model;
  try {
    model = (await import(module))[object.kind];
  } catch (e) {
    console.log(`unknown ${name}: no schema ${module}`);
    failed++;
    continue;
  }
  try {
    new model(object).validate();
    console.log(`valid   ${name}`);
  } catch (e) {
    console.log(`INVALID ${name}: ${e.message}`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);

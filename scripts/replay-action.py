#!/usr/bin/env python3
"""Replays the steps of factlint's GitHub Action (action.yml) on this machine.

Each `run:` step runs with bash as a runner would (`bash --noprofile --norc -eo pipefail`),
with its `env:`, the `${{ }}` expressions the action uses, GITHUB_OUTPUT and the `if:`
conditions. `uses:` steps are checked, not run: actions/cache must get a path and a key, and
github/codeql-action/upload-sarif a SARIF 2.1.0 log that exists. An expression this script
does not know is an error, so the action cannot use one that was never replayed.

usage: replay-action.py [--action-path DIR] [--workspace DIR] [--input NAME=VALUE]...
                        [--step-output STEP.NAME=VALUE]...

--step-output skips the step with that id and gives it that output instead (for example
`build.binary=/path/to/factlint` to use a factlint that is already built). The exit status is
the action's: that of the first step that failed, else 0.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class ReplayError(Exception):
    pass


class Context:
    def __init__(self, action_path, workspace, temp, inputs):
        self.action_path = action_path
        self.workspace = workspace
        self.temp = temp
        self.inputs = inputs
        self.outputs = {}
        self.failed = False

    def value(self, name):
        """The value of a context name such as `inputs.args` or `steps.run.outputs.x`."""
        fixed = {
            "github.action_path": self.action_path,
            "github.workspace": self.workspace,
            "runner.temp": self.temp,
            "runner.os": "Linux",
        }
        if name in fixed:
            return fixed[name]
        parts = name.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            if parts[1] not in self.inputs:
                raise ReplayError(f"the action reads input '{parts[1]}', which it does not declare")
            return self.inputs[parts[1]]
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return self.outputs.get(parts[1], {}).get(parts[3], "")
        raise ReplayError(f"unknown expression '{name}'")

    def term(self, text):
        text = text.strip()
        if text in ("!cancelled()", "always()"):
            return True
        if text == "success()":
            return not self.failed
        if text == "failure()":
            return self.failed
        match = re.fullmatch(r"([\w.-]+)\s*(==|!=)\s*'([^']*)'", text)
        if match:
            left = self.value(match.group(1))
            return (left == match.group(3)) == (match.group(2) == "==")
        return bool(self.value(text))

    def condition(self, text):
        """Whether a step with `if: text` runs; only `&&` of simple terms is understood."""
        if text is None:
            return not self.failed
        text = str(text).strip()
        match = EXPRESSION.fullmatch(text)
        if match:
            text = match.group(1)
        terms = text.split("&&")
        status_functions = ("!cancelled()", "always()", "success()", "failure()")
        if self.failed and not any(t.strip() in status_functions for t in terms):
            return False
        return all(self.term(t) for t in terms)

    def substitute(self, text):
        return EXPRESSION.sub(lambda m: str(self.value(m.group(1))), str(text))


def read_outputs(path):
    outputs = {}
    with open(path, encoding="utf-8") as file:
        lines = file.read().split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value = []
            while index < len(lines) and lines[index] != delimiter:
                value.append(lines[index])
                index += 1
            index += 1
            outputs[name] = "\n".join(value)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


def run_step(context, step, number):
    output_file = os.path.join(context.temp, f"output-{number}")
    open(output_file, "w").close()
    environment = dict(os.environ)
    environment.update(
        {
            "GITHUB_OUTPUT": output_file,
            "GITHUB_ACTION_PATH": context.action_path,
            "GITHUB_WORKSPACE": context.workspace,
            "RUNNER_TEMP": context.temp,
            "CI": "true",
            "GITHUB_ACTIONS": "true",
        }
    )
    for name, value in (step.get("env") or {}).items():
        environment[name] = context.substitute(value)
    if step.get("shell") != "bash":
        raise ReplayError(f"step '{step.get('name')}' must say shell: bash")
    script = os.path.join(context.temp, f"step-{number}.sh")
    with open(script, "w", encoding="utf-8") as file:
        file.write(context.substitute(step["run"]))
    completed = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
        cwd=context.workspace,
        env=environment,
    )
    return completed.returncode, read_outputs(output_file)


def check_use(context, step):
    uses = step["uses"]
    given = {name: context.substitute(value) for name, value in (step.get("with") or {}).items()}
    if uses.startswith("actions/cache@"):
        if not given.get("path") or not given.get("key"):
            raise ReplayError(f"actions/cache needs a path and a key, got {given}")
        print(f"replay: cache {given['path']} under {given['key']}")
        return
    if uses.startswith("github/codeql-action/upload-sarif@"):
        path = given.get("sarif_file", "")
        if not os.path.isfile(path):
            raise ReplayError(f"upload-sarif names '{path}', which does not exist")
        with open(path, encoding="utf-8") as file:
            log = json.load(file)
        if log.get("version") != "2.1.0" or not log.get("runs"):
            raise ReplayError(f"'{path}' is not a SARIF 2.1.0 log with runs")
        results = sum(len(run.get("results", [])) for run in log["runs"])
        print(f"replay: upload {path} ({results} results) as category {given.get('category')}")
        return
    raise ReplayError(f"the replay does not know the action '{uses}'")


def main():
    parser = argparse.ArgumentParser(description="Replay factlint's GitHub Action.")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--action-path", default=root)
    parser.add_argument("--workspace", default=os.getcwd())
    parser.add_argument("--input", action="append", default=[])
    parser.add_argument("--step-output", action="append", default=[])
    options = parser.parse_args()

    with open(os.path.join(options.action_path, "action.yml"), encoding="utf-8") as file:
        action = yaml.safe_load(file)
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for given in options.input:
        name, _, value = given.partition("=")
        if name not in inputs:
            raise ReplayError(f"the action has no input '{name}'")
        inputs[name] = value
    replaced = {}
    for given in options.step_output:
        key, _, value = given.partition("=")
        step_id, _, name = key.partition(".")
        replaced.setdefault(step_id, {})[name] = value

    status = 0
    with tempfile.TemporaryDirectory(prefix="factlint-action-") as temp:
        context = Context(
            os.path.abspath(options.action_path), os.path.abspath(options.workspace), temp, inputs
        )
        for number, step in enumerate(action["runs"]["steps"]):
            name = step.get("name", f"step {number + 1}")
            step_id = step.get("id")
            if not context.condition(step.get("if")):
                print(f"replay: skip '{name}' (its condition is false)")
                continue
            if step_id in replaced:
                print(f"replay: '{name}' replaced by its outputs {replaced[step_id]}")
                context.outputs[step_id] = replaced[step_id]
                continue
            if "uses" in step:
                check_use(context, step)
                continue
            print(f"replay: run '{name}'", flush=True)
            code, outputs = run_step(context, step, number)
            if step_id:
                context.outputs[step_id] = outputs
            if code != 0:
                print(f"replay: '{name}' failed with exit status {code}", flush=True)
                context.failed = True
                status = status or code
    return status


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ReplayError as error:
        print(f"replay-action: {error}", file=sys.stderr)
        sys.exit(3)

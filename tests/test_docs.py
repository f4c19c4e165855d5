"""Every error code and every CLI command and option is documented."""
import re

from click.testing import CliRunner

from conftest import ROOT
from unspun.cli import cli
from unspun.errors import CODES


def test_every_error_code_is_documented():
    doc = (ROOT / "docs" / "errors.md").read_text("utf-8")
    missing = [code for code in CODES if not re.search(rf"\| {code} \|", doc)]
    assert missing == []


def test_every_command_and_option_has_help():
    runner = CliRunner()
    for name, command in cli.commands.items():
        assert command.help, f"command {name} has no help"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts} has no help"
                assert param.opts[0] in result.output

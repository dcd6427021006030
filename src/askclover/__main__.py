"""``python -m askclover`` and the ``askclover`` command."""
import gc


def main_exit() -> None:
    """Run the command. The collector is off while its modules load, and what they made is then
    frozen: a one-shot question would otherwise spend ~40 ms walking it, during the imports and
    again at exit."""
    gc.disable()
    from .cli import main_exit as run

    gc.freeze()
    gc.enable()
    run()


if __name__ == "__main__":
    main_exit()

# bash completion for verbind                                 -*- shell-script -*-
#
# Installed as share/bash-completion/completions/verbind (bash-completion
# loads it on the first TAB after `verbind`); or: source verbind.bash.
#
# The commands and each command's options are read from `verbind --help` and
# `verbind COMMAND --help` (generated from the parser), so this script never
# goes out of date with the binary it completes. Values: the fixed choices of
# --period, --by, --format and --lang; files for -o and PATH.

_verbind_commands() {
    "$1" --help 2>/dev/null | awk '/^commands:/ { on = 1; next } /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }'
}

_verbind_options() {
    "$1" "$2" --help 2>/dev/null | awk '/^options:/ { on = 1; next } /^$/ { on = 0 }
        on && /^  -/ { for (i = 1; i <= NF; i++) { t = $i; sub(/,$/, "", t); if (t ~ /^-/) print t; else break } }'
}

_verbind() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n = || return
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi
    # --option=value: complete the value of --option.
    if [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
    elif [[ $cur == = ]]; then
        cur=""
    elif [[ $prev == = && $cword -ge 2 ]]; then
        prev=${words[cword - 2]}
    fi
    local verbind=${words[0]}
    local command="" i
    for ((i = 1; i < cword; i++)); do
        if [[ ${words[i]} != -* ]]; then
            command=${words[i]}
            break
        fi
    done
    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_verbind_commands "$verbind")" -- "$cur"))
        fi
        return 0
    fi
    if [[ $command == help ]]; then
        [[ $cword -eq $((i + 1)) ]] && COMPREPLY=($(compgen -W "$(_verbind_commands "$verbind")" -- "$cur"))
        return 0
    fi
    case $prev in
        --period) COMPREPLY=($(compgen -W "week month quarter year" -- "$cur")); return 0 ;;
        --by) COMPREPLY=($(compgen -W "municipality neighbourhood programme" -- "$cur")); return 0 ;;
        --format) COMPREPLY=($(compgen -W "csv json store edgelist contacts graph" -- "$cur")); return 0 ;;
        --lang) COMPREPLY=($(compgen -W "nl en" -- "$cur")); return 0 ;;
        -o | --output) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
        --municipality | --neighbourhood | --top | --per-person | --seed | --scale | --train | --start | --end | --min-cell)
            return 0 ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_verbind_options "$verbind" "$command")" -- "$cur"))
    else
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
}

complete -F _verbind verbind

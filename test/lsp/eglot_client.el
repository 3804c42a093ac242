;;; eglot_client.el --- Emacs in batch mode as an async-tidy user -*- lexical-binding: t -*-
;; Eglot from Debian (elpa-eglot), configured exactly as docs/editors.md
;; says, opens $SOURCE and writes the Flymake diagnostics it receives to $OUT:
;; "LINE:COL TYPE TEXT" each, one a line; the notes the server folded into
;; the text (eglot 1.9 has no relatedInformation) follow " // ".

(package-initialize)                    ; Debian's elpa-* packages
(require 'eglot)

;; docs/editors.md, "Emacs (eglot)":
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((c++-mode c++-ts-mode c-mode c-ts-mode) . ("async-tidy" "lsp"))))

(defun eglot-test-diagnostics ()
  (sort (mapcar (lambda (d)
                  (save-excursion
                    (goto-char (flymake-diagnostic-beg d))
                    (format "%d:%d %s %s" (line-number-at-pos)
                            (1+ (current-column)) (flymake-diagnostic-type d)
                            (replace-regexp-in-string
                             "\n\n" " // " (flymake-diagnostic-text d)))))
                (flymake-diagnostics))
        #'string<))

(let ((out (getenv "OUT"))
      (deadline (+ (float-time) 300)))
  (find-file (getenv "SOURCE"))
  (apply #'eglot (eglot--guess-contact))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.5))
  (let ((lines (eglot-test-diagnostics)))
    (with-temp-file out
      (insert (mapconcat #'identity lines "\n") "\n")))
  (eglot-shutdown (eglot-current-server))
  (kill-emacs 0))
